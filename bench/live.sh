#!/usr/bin/env bash
# Live answers over WebSocket: N viewers on one question, answers posted at a steady rate, the time from each POST to
# each viewer's answer frame; next to it the raw XADD -> XREAD BLOCK latency on the same Redis. Writes
# bench/results/live.md.
# Usage: bench/live.sh [N ...]             (default: 100 1000 10000 viewers)
#   QA_BENCH_BASELINE=<commit>           also builds that commit and runs it before the current build at each N
#   QA_LIVE_RATE, QA_LIVE_DURATION       answers per second and seconds of posting in each measured run (default 2, 20)
#   QA_LIVE_WARM_UP                      seconds of the untimed warm-up round before each N (default 40)
#   QA_LIVE_WARM_UP_RATE                 answers per second of the warm-up round (default 20)
#   QA_LIVE_LEAD_IN                      answers posted to the N viewers before the measured ones, at the same rate,
#                                        left out of the figures but checked (default 10)
#   QA_LIVE_DRAIN                        seconds to wait after the last POST for frames still missing (default 15)
#   QA_LIVE_MEMBERS                      members who post the answers in turn, demo-1 to demo-N (default 20)
#   QA_LIVE_RAW_ENTRIES, QA_LIVE_RAW_RATE  entries and entries/s of the raw baseline runs (default 2000, 100)
#   QA_LIVE_RAW_READERS                  XREAD BLOCK readers of each raw baseline run (default "1 100")
#   QA_BENCH_RATIO                       size of the demo data when qa_bench is empty (default 200, as events.sh)
#   QA_LIVE_LOGS=<dir>                   keeps the site's log of each N there (live-N.log)
#   QA_LIVE_DB                           the PostgreSQL database (default qa_bench)
#
# Everything happens in scratch places of its own: the PostgreSQL database qa_bench (created when missing, filled once
# with `fill-db`, kept between runs; each run adds its answers to one question), the Redis databases 13 (streams), 14
# (cache) and 15 (locks), flushed at the start, before each N and at the end, and ports 8490 and 8492 (its management
# interface, where the metrics are) for the site. PostgreSQL, Redis and maildev are left running as they were
# (bin/services starts them when they are not running).
#
# For each N, a fresh start of the packaged jar (answer rate limit raised, mailer pointed at a port where nothing
# listens), an untimed warm-up round on another question (100 viewers, QA_LIVE_WARM_UP_RATE answers/s for
# QA_LIVE_WARM_UP s: 800 answers, which bring the answer's request to the JIT compiler as a site that has run for a
# while has it; 100 left its POST at about twice the time of a warm one), then the measured round by
# bench/live/LiveBench.java (run with the source launcher on the packaged site's own Vert.x, Netty and Jackson jars:
# Vert.x' WebSocket and Redis clients, Jackson for the JSON): it logs in as demo-1 to demo-QA_LIVE_MEMBERS, opens N
# WebSockets on the question, waits until each is open and has had its first (presence) frame, posts the answers
# through the JSON API from those members in turn, each on a kept-alive connection of its own written by hand (the
# site looks for the same answer by its author in the last hour before saving one, and a single member posting
# thousands an hour, which the real limit forbids, made that look-up slower with every run) and records, for every (answer, viewer) pair, the time from just before the POST was sent to that viewer's frame.
# The site's RSS is sampled with `ps -o rss` every 0.5 s during the round. The raw baseline runs after the last site
# stopped, with the same program on Redis database 13 through the Vert.x Redis client.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then COUNTS=("$@"); else COUNTS=(100 1000 10000); fi
RATE="${QA_LIVE_RATE:-2}"
DURATION="${QA_LIVE_DURATION:-20}"
WARM_UP="${QA_LIVE_WARM_UP:-40}"
WARM_UP_RATE="${QA_LIVE_WARM_UP_RATE:-20}"
LEAD_IN="${QA_LIVE_LEAD_IN:-10}"
DRAIN="${QA_LIVE_DRAIN:-15}"
RAW_ENTRIES="${QA_LIVE_RAW_ENTRIES:-2000}"
RAW_RATE="${QA_LIVE_RAW_RATE:-100}"
read -r -a RAW_READERS <<< "${QA_LIVE_RAW_READERS:-1 100}"
RATIO="${QA_BENCH_RATIO:-200}"
for v in "${COUNTS[@]}" "$RATE" "$DURATION" "$WARM_UP" "$WARM_UP_RATE" "$DRAIN" "$RAW_ENTRIES" "$RAW_RATE" "${RAW_READERS[@]}" "$RATIO"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/live.sh [N ...] (N and the QA_LIVE_* settings: positive integers)" >&2; exit 2; }
done
[[ "$LEAD_IN" =~ ^[0-9]+$ ]] || { echo "usage: bench/live.sh [N ...] (QA_LIVE_LEAD_IN: 0 or more)" >&2; exit 2; }

DB="${QA_LIVE_DB:-qa_bench}"
BENCH_NAME=live
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8490 8491 8492 # the site, its mailer (nothing may listen there), its management interface

CLIENT=bench/live/LiveBench.java
LIB=target/quarkus-app/lib/main # the packaged site's libraries; the client's classpath is taken from them
MEMBERS="${QA_LIVE_MEMBERS:-20}"
[[ "$MEMBERS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/live.sh [N ...] (QA_LIVE_MEMBERS: a positive integer)" >&2; exit 2; }
POSTERS="$(seq -s, -f 'demo-%g' 1 "$MEMBERS")" # demo-1,demo-2,...
POSTER_PASSWORD=demo-password # bin/fill-db's password for every demo member
WARM_UP_VIEWERS=100

SAMPLER_PID=""
cleanup() {
  local status=$?
  if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2> /dev/null || true; fi
  finish_site_run "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_free_ports

# Each viewer is a socket in the client and one in the site (both started from this shell): raise the soft limit.
MAX_N="$(printf '%s\n' "${COUNTS[@]}" | sort -n | tail -n1)"
NEED_FDS=$((MAX_N + 2000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEED_FDS" ]; then
  ulimit -n "$NEED_FDS" 2> /dev/null || { log "ulimit -n is $(ulimit -n) (hard $(ulimit -Hn)), N = $MAX_N needs $NEED_FDS"; exit 1; }
fi
flush_redis

# --- the build and the data ---------------------------------------------------
build_site
LABELS=(); JARS=()
build_baseline
LABELS+=("$BUILD"); JARS+=("$JAR")
# Vert.x (WebSocket and Redis clients) with Netty, and Jackson: the very versions the site runs on.
CLIENT_CLASSPATH="$(printf '%s:' "$LIB"/io.vertx.vertx-core-*.jar "$LIB"/io.vertx.vertx-redis-client-*.jar \
  "$LIB"/io.netty.netty-*.jar "$LIB"/com.fasterxml.jackson.core.jackson-*.jar)"

log "demo data in $DB (ratio $RATIO, if empty)"
QA_DB_URL="$DB_URL" bin/fill-db "$RATIO" --if-empty > "$WORK/fill-db.log" 2>&1 || { cat "$WORK/fill-db.log" >&2; exit 1; }
# The question: the lowest id among those a member other than the posters asked (its author is mailed about each answer).
QUESTION_ID="$(sql -c "SELECT q.id FROM question q JOIN member m ON m.id = q.author_id
  WHERE m.username <> ALL (string_to_array('$POSTERS', ',')) ORDER BY q.id LIMIT 1")"
[ -n "$QUESTION_ID" ] || { log "$DB has no question to answer"; exit 1; }
# The warm-up's question: the next such one, so that the measured question does not grow by hundreds of answers a round.
WARM_UP_QUESTION_ID="$(sql -c "SELECT q.id FROM question q JOIN member m ON m.id = q.author_id
  WHERE m.username <> ALL (string_to_array('$POSTERS', ',')) AND q.id > $QUESTION_ID ORDER BY q.id LIMIT 1")"
[ -n "$WARM_UP_QUESTION_ID" ] || { log "$DB has no second question for the warm-up"; exit 1; }
ANSWERS_BEFORE="$(sql -c "SELECT answer_count FROM question WHERE id = $QUESTION_ID")"

# --- the rounds -------------------------------------------------------------------
# Runs the client; its progress goes to stderr, its RESULT line is parsed into the associative array R.
declare -A R
client() {
  local line
  line="$("$JAVA_HOME/bin/java" -cp "$CLIENT_CLASSPATH" "$CLIENT" "$@" | grep '^RESULT ')" || { log "the client failed"; exit 1; }
  R=()
  for kv in ${line#RESULT }; do R["${kv%%=*}"]="${kv#*=}"; done
}
rss_mib() { awk '{ printf "%.0f", $1 / 1024 }' <<< "$1"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$APP_PID/stat"; }
# The site's qa_live_fanout histogram (from an answer's XADD, by its entry id, until it was handed to the room's
# connections): "le count" lines, plus "count N" and "sum S"; and its qa_live_rendered timer (from the XADD until the
# frames were rendered, before the first write): "rcount N" and "rsum S" (none from builds before it).
fanout_metrics() {
  curl -fsS --max-time 5 "$OPS_URL/q/metrics" | awk '
    /^qa_live_fanout_seconds_bucket\{/ { le = $1; sub(/.*le="/, "", le); sub(/".*/, "", le); print le, $2 }
    /^qa_live_fanout_seconds_count / { print "count", $2 } /^qa_live_fanout_seconds_sum / { print "sum", $2 }
    /^qa_live_rendered_seconds_count / { print "rcount", $2 } /^qa_live_rendered_seconds_sum / { print "rsum", $2 }'
}
# From two fanout_metrics snapshots: "answers mean-ms p50-bound-ms p99-bound-ms max-bound-ms rendered-mean-ms" of what
# happened in between (a bound: the upper end of the histogram bucket the rank falls in).
fanout_delta() {
  awk 'NR == FNR { before[$1] = $2; next }
    { d = $2 - before[$1]; if ($1 == "count") n = d; else if ($1 == "sum") s = d; else if ($1 == "rcount") rn = d
      else if ($1 == "rsum") rs = d; else if ($1 != "+Inf") b[$1] = d }
    function bound(rank,   i, le, r) {
      for (i = 1; i <= k; i++) for (le in b) if (le + 0 == les[i] && b[le] >= rank) return sprintf("%.0f", les[i] * 1000)
      return k > 0 ? sprintf(">%.0f", les[k] * 1000) : "-"
    }
    END {
      split("", les); k = 0; for (le in b) les[++k] = le + 0
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (les[j] < les[i]) { t = les[i]; les[i] = les[j]; les[j] = t }
      r = rn > 0 ? sprintf("%.0f", rs / rn * 1000) : "-"
      if (n > 0) printf "%d %.0f %s %s %s %s\n", n, s / n * 1000, bound(int((n * 50 + 99) / 100)), bound(int((n * 99 + 99) / 100)), bound(n), r
      else print "0 - - - - -" }' "$1" "$2"
}
live_round() { # $1 viewers, $2 rate, $3 duration, $4 label, $5 lead-in answers, $6 question (default: the measured one)
  client live --base "$BASE_URL" --question "${6:-$QUESTION_ID}" --viewers "$1" --rate "$2" --duration "$3" --lead-in "$5" \
    --drain "$DRAIN" --user "$POSTERS" --password "$POSTER_PASSWORD" --label "$4"
}

RESULTS=() # "label N open answers expected received missing duplicated p50 p99 max fps rss-idle rss-peak site-cpu fanout-mean fanout-p50 fanout-p99 fanout-max rendered-mean post-p50 log-problems"
DETAILS=() # notes per N: what went wrong, if anything
LOADS=()
for n in "${COUNTS[@]}"; do
  for build in "${!JARS[@]}"; do # the baseline first, if any, then the current build: side by side, minutes apart
    label="${LABELS[$build]}"
    # As memory allows: about 0.1 MiB per viewer was seen in the site and in the client each; this asks for more.
    available="$(awk '/MemAvailable/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
    if [ "$available" -lt $((1536 + n / 4)) ]; then
      log "N = $(thousands "$n"): skipped, only $available MiB of memory available"
      DETAILS+=("N = $(thousands "$n") ($label): skipped, only $available MiB of memory were available (the script asks for $((1536 + n / 4)) MiB).")
      continue
    fi
    # Nothing left over from earlier rounds: no outbox rows to sweep, no queued mails for the sender to retry.
    sql -c "TRUNCATE outbox, mail_log RESTART IDENTITY"
    flush_redis
    LOADS+=("N = $n ($label): $(loadavg)")
    log "N = $(thousands "$n"): starting the site ($label) on $BASE_URL"
    # All viewers come from this one address: the limit of live sockets per address is raised for them.
    start_app_jar "${JARS[$build]}" QA_RATE_LIMIT_ANSWER_LIMIT=1000000 QA_LIVE_MAX_SOCKETS_PER_ADDRESS=1000000
    log "N = $(thousands "$n"): warm-up on question $WARM_UP_QUESTION_ID, $WARM_UP_VIEWERS viewers, $WARM_UP_RATE answers/s for $WARM_UP s (not reported)"
    live_round "$WARM_UP_VIEWERS" "$WARM_UP_RATE" "$WARM_UP" "warm-up" 0 "$WARM_UP_QUESTION_ID"
    log_lines_before="$(wc -l < "$WORK/app.log")"
    rss_idle="$(ps -o rss= -p "$APP_PID")"
    cpu_before="$(cpu_seconds)"
    fanout_metrics > "$WORK/fanout-before"
    (while kill -0 "$APP_PID" 2> /dev/null; do ps -o rss= -p "$APP_PID"; sleep 0.5; done) > "$WORK/rss" &
    SAMPLER_PID=$!
    log "N = $(thousands "$n"): measured round, $RATE answers/s for $DURATION s"
    live_round "$n" "$RATE" "$DURATION" "N=$n" "$LEAD_IN"
    kill "$SAMPLER_PID" 2> /dev/null || true
    wait "$SAMPLER_PID" 2> /dev/null || true
    SAMPLER_PID=""
    cpu_after="$(cpu_seconds)"
    fanout_metrics > "$WORK/fanout-after"
    read -r fanout_n fanout_mean fanout_p50 fanout_p99 fanout_max rendered_mean <<< "$(fanout_delta "$WORK/fanout-before" "$WORK/fanout-after")"
    rss_peak="$(sort -n "$WORK/rss" | tail -n1)"
    site_cpu="$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.1f", b - a }')"
    # WARN and ERROR lines the site logged during the measured round, but for the mails it could not send (the mailer
    # points at a port where nothing listens, on purpose).
    tail -n +"$((log_lines_before + 1))" "$WORK/app.log" | grep -E '^[0-9-]+ [0-9:,.]+ +(WARN|ERROR)' \
      | grep -vE 'WARN +\[org\.qasite\.mail\.MailSender\] .* not sent' > "$WORK/problems" || true
    problems="$(wc -l < "$WORK/problems")"
    RESULTS+=("$label $n ${R[open]} ${R[created]} ${R[expected]} ${R[received]} ${R[missing]} ${R[duplicated]} ${R[p50_ms]} ${R[p99_ms]} ${R[max_ms]} ${R[frames_per_s]} $(rss_mib "$rss_idle") $(rss_mib "$rss_peak") $site_cpu $fanout_mean $fanout_p50 $fanout_p99 $fanout_max $rendered_mean ${R[post_p50_ms]} $problems")
    note=""
    [ "${R[open]}" -eq "$n" ] || note+=" ${R[open_failed]} of the $n WebSockets did not open;"
    [ "${R[greeted]}" -eq "${R[open]}" ] || note+=" $((${R[open]} - ${R[greeted]})) open viewers had no frame before the first answer;"
    [ "${R[created]}" -eq "${R[answers]}" ] || note+=" $((${R[answers]} - ${R[created]})) of ${R[answers]} POSTs did not answer 201;"
    [ "${R[answers_missed]}" -eq 0 ] || note+=" ${R[answers_missed]} answers missed by at least one viewer;"
    [ "${R[closed_early]}" -eq 0 ] || note+=" ${R[closed_early]} WebSockets closed by the site during the round;"
    [ "${R[errors]}" -eq 0 ] || note+=" ${R[errors]} WebSocket errors;"
    [ "${R[out_of_order]}" -eq 0 ] || note+=" ${R[out_of_order]} answer frames came after one with a later stream position;"
    [ "${R[reload]}" -eq 0 ] || note+=" ${R[reload]} reload frames;"
    [ "$((${R[other]} + ${R[bad]}))" -eq 0 ] || note+=" $((${R[other]} + ${R[bad]})) frames of an unknown type or not JSON;"
    [ "${R[lead_in_wrong]}" -eq 0 ] || note+=" ${R[lead_in_wrong]} problems in the lead-in (POSTs that failed, (answer, viewer) pairs without exactly one frame);"
    [ "${R[foreign]}" -eq 0 ] || note+=" ${R[foreign]} answer frames for answers this round did not post;"
    needed=$((RATE * n))
    if [ "${R[frames_per_s]}" -lt $((needed * 9 / 10)) ]; then
      note+=" the round delivered $(thousands "${R[frames_per_s]}") answer frames/s where $RATE answers/s to $(thousands "$n") viewers need $(thousands "$needed"): the site fell behind and a backlog grew through the round, so its latencies measure that backlog;"
    fi
    [ "$problems" -eq 0 ] || note+=" $problems WARN/ERROR lines in the site's log, the first: \`$(head -c 300 "$WORK/problems" | head -n1 | tr '`' "'")\`;"
    DETAILS+=("N = $(thousands "$n") ($label): answers fanned out by the site $fanout_n, presence frames ${R[viewers_frames]}, POST max ${R[post_max_ms]} ms, client CPU ${R[client_cpu_s]} s;${note:- no misses, duplicates, errors or failed POSTs.}")
    log "N = $(thousands "$n"): p50 ${R[p50_ms]} ms, p99 ${R[p99_ms]} ms, max ${R[max_ms]} ms, missing ${R[missing]}, duplicated ${R[duplicated]}, RSS $(rss_mib "$rss_peak") MiB"
    log "N = $(thousands "$n"): stopping the site"
    stop_app
    if [ -n "${QA_LIVE_LOGS:-}" ]; then mkdir -p "$QA_LIVE_LOGS" && cp "$WORK/app.log" "$QA_LIVE_LOGS/live-$n-$label.log"; fi
  done
done
LOAD_AFTER="$(loadavg)"
ANSWERS_AFTER="$(sql -c "SELECT answer_count FROM question WHERE id = $QUESTION_ID")"

# --- raw Redis ------------------------------------------------------------------
RAW=() # "readers entries rate p50 p99 max missing duplicated"
raw_round() { # $1 readers, $2 entries, $3 rate
  log "raw XADD -> XREAD BLOCK: $1 reader(s), $2 entries at $3/s"
  client raw --redis "127.0.0.1:$REDIS_PORT" --db "$STREAMS_DB" --key bench:live --readers "$1" --count "$2" --rate "$3"
  RAW+=("$1 $2 $3 ${R[p50_ms]} ${R[p99_ms]} ${R[max_ms]} ${R[missing]} ${R[duplicated]}")
}
raw_round 1 $((RATE * DURATION)) "$RATE" # the answers' rate
for readers in "${RAW_READERS[@]}"; do raw_round "$readers" "$RAW_ENTRIES" "$RAW_RATE"; done

# --- the report -----------------------------------------------------------------
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CLIENT_VERSION="$(git log -1 --format=%h -- "$CLIENT")" # the client changes apart from the site
git diff --quiet HEAD -- "$CLIENT" || CLIENT_VERSION="$CLIENT_VERSION+changes"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
{
  echo "# Live answers over WebSocket"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory"
  echo "- Load average (1, 5, 15 min) before each N: $(printf '%s; ' "${LOADS[@]}")at the end: $LOAD_AFTER"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION"
  echo "- One instance of the site (\`java @src/main/jvm/jvm.options -jar $JAR\`, with the AOT cache when fresh, built from $BUILD${QA_BENCH_BASELINE:+, and the baseline ${LABELS[0]} before it at each N}) on 127.0.0.1:$PORT,"
  echo "  started afresh for each N; the client (\`$CLIENT\` as of $CLIENT_VERSION, same JDK) on the same machine"
  echo "- Question \`/questions/$QUESTION_ID\` of \`$DB\` (demo data of ratio $RATIO), $ANSWERS_BEFORE answers before the run and"
  echo "  $ANSWERS_AFTER after; answers posted by demo-1 to demo-$MEMBERS in turn through \`POST /api/v1/questions/$QUESTION_ID/answers\`,"
  echo "  $RATE a second for $DURATION s"
  echo
  echo "| viewers (N) | build | open | answers | frames expected | received | missing | duplicated | p50 ms | p99 ms | max ms | frames/s | POST p50 ms | site: frames rendered ms (mean) | site fan-out ms (mean / p50 ≤ / p99 ≤ / max ≤) | site RSS MiB (idle → peak) | site CPU s |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${RESULTS[@]}"; do
    read -r label n open created expected received missing duplicated p50 p99 max fps rss_idle rss_peak site_cpu fanout_mean fanout_p50 fanout_p99 fanout_max rendered_mean post_p50 _ <<< "$row"
    echo "| $(thousands "$n") | $label | $(thousands "$open") | $created | $(thousands "$expected") | $(thousands "$received") | $(thousands "$missing") | $(thousands "$duplicated") | $p50 | $p99 | $max | $(thousands "$fps") | $post_p50 | $rendered_mean | $fanout_mean / $fanout_p50 / $fanout_p99 / $fanout_max | $rss_idle → $rss_peak | $site_cpu |"
  done
  echo
  echo "| raw XADD → XREAD BLOCK on the same Redis (database $STREAMS_DB) | readers | entries | entries/s | p50 ms | p99 ms | max ms | missing | duplicated |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${RAW[@]}"; do
    read -r readers entries rate p50 p99 max missing duplicated <<< "$row"
    if [ "$rate" = "$RATE" ] && [ "$readers" = 1 ]; then what="at the answers' rate"; else what="more entries"; fi
    echo "| $what | $readers | $(thousands "$entries") | $rate | $p50 | $p99 | $max | $missing | $duplicated |"
  done
  echo
  echo "What each round saw:"
  echo
  for d in "${DETAILS[@]}"; do echo "- $d"; done
  echo
  echo "- **latency**: for every (answer, viewer) pair, from just before the client sent the POST to the arrival of"
  echo "  that viewer's \`{\"type\":\"answer\"}\` frame with the answer's id (both on the client's \`System.nanoTime()\`):"
  echo "  the request, its transaction, the relay's XADD after the commit, the site's XREAD BLOCK, the fan-out to the"
  echo "  room and the client's own handling of N frames. p50/p99 are nearest-rank over all pairs."
  echo "- **frames expected**: answers created (201) × viewers open. **missing**: pairs without a frame"
  echo "  $DRAIN s after the last POST was answered; **duplicated**: frames beyond the first for a pair. Every viewer must"
  echo "  get every answer exactly once."
  echo "- **frames/s**: answer frames received ÷ the time from the first POST to the last frame."
  echo "- **POST p50**: the answer's request alone, from just before it was sent until its 201 arrived (on the posting"
  echo "  member's own kept-alive connection, written and read by hand on a plain socket)."
  echo "- **site fan-out**: the site's own \`qa_live_fanout\` histogram on \`/q/metrics\` over the round (growth of its"
  echo "  count, sum and buckets; the lead-in's answers included): from the answer's XADD (the time in its entry id) until the site had written the frame"
  echo "  to every connection of the room (builds before the shared-frame fan-out: until it had handed the frame to the"
  echo "  connections, written later); p50, p99 and max are the upper bounds of their histogram buckets."
  echo "- **site: frames rendered**: the mean of the site's \`qa_live_rendered\` timer over the round: from the answer's XADD until"
  echo "  its frames for the room were rendered (the live feed's read, the answer read from the database, its markup for"
  echo "  everyone and for the authors), before the first write; the rest of the fan-out is the writes. \"-\": builds before it."
  echo "- **site RSS**: \`ps -o rss\` of the site after the warm-up (idle, no viewer) and the highest sample taken every"
  echo "  0.5 s during the round. **site CPU s**: the site's CPU time during the round, the N handshakes and the lead-in included (utime + stime in \`/proc/<pid>/stat\`)."
  echo "- Before each measured round: a fresh start of the site (Redis databases 13–15 flushed; answer rate limit"
  echo "  raised with \`QA_RATE_LIMIT_ANSWER_LIMIT=1000000\`, and the live sockets per address with"
  echo "  \`QA_LIVE_MAX_SOCKETS_PER_ADDRESS=1000000\`, since every viewer comes from 127.0.0.1; mailer on a port where nothing listens, so the mails queued"
  echo "  for the question's author are not sent), then an untimed warm-up round of $WARM_UP_VIEWERS viewers and $((WARM_UP_RATE * WARM_UP)) answers ($WARM_UP_RATE a second)"
  echo "  on another question (\`/questions/$WARM_UP_QUESTION_ID\`): they bring the answer's request to the JIT compiler as a site"
  echo "  that has run for a while has it (after 100, its POST took about twice as long)."
  echo "  The client opens 100 handshakes at a time, waits until every viewer is open and has had its presence"
  echo "  frame, waits 1 s, then posts: first a lead-in of $LEAD_IN answers at the round's rate, left out of the figures but"
  echo "  checked like the others (it brings the client's own frame handling, a JVM started for the round, and the site's"
  echo "  fan-out to N sockets to the JIT compiler), then the measured answers. Viewers connect without \`since\` (nothing to replay)."
  echo "- **raw**: the same program writes entries with \`XADD\` (the site's fields, a payload of the same shape) at a"
  echo "  steady rate on one connection and reads them with \`XREAD COUNT 1000 BLOCK 1000\` on each reader's own"
  echo "  connection, through the Vert.x Redis client (RESP2); latency from just before each XADD was sent to the reader's reply."
  echo "  It runs after the last site stopped."
  echo "- The site, PostgreSQL, Redis and the client (which handles all N sockets) share the machine's CPUs with"
  echo "  whatever else runs on it: see the load average."
  echo
  echo "Reproduce with \`bench/live.sh\` (or \`bench/live.sh N ...\`; \`QA_LIVE_RATE\`, \`QA_LIVE_DURATION\` change the"
  echo "posting). The client alone (\`CLASSPATH\`: the Vert.x, Netty and Jackson jars of \`$LIB\`):"
  echo
  echo '```'
  echo "java -cp CLASSPATH $CLIENT live --base $BASE_URL --question $QUESTION_ID --viewers N --rate $RATE --duration $DURATION \\"
  echo "  --drain $DRAIN --user $POSTERS --password $POSTER_PASSWORD"
  echo "java -cp CLASSPATH $CLIENT raw --redis 127.0.0.1:$REDIS_PORT --db $STREAMS_DB --key bench:live --readers 1 --count $RAW_ENTRIES --rate $RAW_RATE"
  echo '```'
} > "$OUT"
cat "$OUT"
