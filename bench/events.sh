#!/usr/bin/env bash
# Times the event path of one instance of the site (outbox -> relay -> Redis stream -> consumer group "notifications",
# which makes the notifications of an answer and queues its mail; "mail" in builds before notifications) against
# raw XADD on the same Redis, and writes bench/results/events.md (events-asker-only.md with QA_EVENTS_ANSWERS=asker-only).
# Usage: bench/events.sh [N ...]      (default: 20000 100000)
#   QA_EVENTS_ANSWERS=all|asker-only  the answers the events are about: all of the demo data's (default; each tells
#                                     about 20 members), or only those to questions nobody else answered, whose asker is
#                                     the one member told: the event path's own cost, apart from the fan-out's
#   QA_BENCH_BASELINE=<git revision>  also measures the site as of that revision (exported with git archive and built
#                                     in a scratch directory; it must have the same migrations), before this checkout's
#   QA_EVENTS_BASELINE_APP=<dir>      also measures the packaged site in that quarkus-app directory (a copy of an earlier
#                                     build's target/quarkus-app, named by the directory), without building it
#   QA_EVENTS_WARM_UP=<N>             events of the untimed first round (default 20000)
#   QA_BENCH_RATIO=<ratio>            size of the demo data (default 200: 20,000 answers)
#
# Everything happens in scratch places of its own: the PostgreSQL database qa_bench (created when missing, filled once
# with `fill-db`), the Redis databases 13 (streams), 14 (cache) and 15 (locks), flushed at the start and at the end,
# and ports 8390 and 8392 (its management interface, where the metrics are) for the site. PostgreSQL, Redis and
# maildev are left running as they were (bin/services starts them when they are not running).
#
# For each N, with the site running (and warmed up by a first, untimed round): N outbox rows of type answer.created,
# each about a real answer of the demo data, are inserted with one SQL statement. The relay's sweep finds them within
# its interval (5 s) and publishes them; the notifications group reads them, makes the notifications of each answer
# (its question's author, and the others who follow the question) and queues the author's mail. Timing starts at the
# first XADD (the Redis id of the round's first entry), ends for "published" at the last XADD (the Redis id of the last
# entry) and for "handled" when qa_stream_processed_total of that group on /q/metrics, polled every 0.1 s, reached N.
# The mailer points at a port where nothing listens: sending is not measured, and the sender's circuit breaker keeps
# it idle.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then COUNTS=("$@"); else COUNTS=(20000 100000); fi
for n in "${COUNTS[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/events.sh [N ...]" >&2; exit 2; }; done

DB=qa_bench
ABOUT="${QA_EVENTS_ANSWERS:-all}"
case "$ABOUT" in
  all) BENCH_NAME=events; ONLY="TRUE" ;;
  asker-only) BENCH_NAME=events-asker-only
    ONLY="(SELECT count(DISTINCT o.author_id) FROM answer o WHERE o.question_id = a.question_id) = 1" ;;
  *) echo "usage: bench/events.sh [N ...] (QA_EVENTS_ANSWERS: all or asker-only)" >&2; exit 2 ;;
esac
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8390 8391 8392 # the site, its mailer (nothing may listen there), its management interface

RATIO="${QA_BENCH_RATIO:-200}"
WARM_UP="${QA_EVENTS_WARM_UP:-20000}" # also brings the code that runs once per batch of 50 entries to the JIT compiler
XADD_N=100000
PIPELINE=200 # the relay's batch size

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports

# --- the builds and the data --------------------------------------------------
build_site
LABELS=(); JARS=()
build_baseline
if [ -n "${QA_EVENTS_BASELINE_APP:-}" ]; then
  LABELS+=("$(basename "$QA_EVENTS_BASELINE_APP")"); JARS+=("$QA_EVENTS_BASELINE_APP/quarkus-run.jar")
fi
current="$(git log -1 --format=%h -- src pom.xml)" # the last commit that changed the site
git diff --quiet HEAD -- src pom.xml || current="$current+changes"
LABELS+=("$current"); JARS+=("$JAR")

log "demo data in $DB (ratio $RATIO, if empty)"
QA_DB_URL="$DB_URL" bin/fill-db "$RATIO" --if-empty > "$WORK/fill-db.log" 2>&1 || { cat "$WORK/fill-db.log" >&2; exit 1; }
ANSWERS="$(sql -c "SELECT count(*) FROM answer a WHERE $ONLY")"
[ "$ANSWERS" -gt 0 ] || { log "$DB has no answers"; exit 1; }
# Mail about answers instantly for every member (the demo data's choice; this makes sure), so that a mail is queued
# for each answer (none is sent).
sql -c "UPDATE member SET mail_answer = 'instant' WHERE mail_answer <> 'instant'"

# --- the site -----------------------------------------------------------------
# The metrics the rounds read: published, handled and acked, handler time (count, sum).
metrics() {
  curl -fsS --max-time 5 "$OPS_URL/q/metrics" | awk '
    /^qa_outbox_published_total[ {]/ { p = $NF }
    /^qa_stream_processed_total\{.*group="(notifications|mail)"/ { h = $NF }
    /^qa_stream_handler_seconds_count\{.*group="(notifications|mail)"/ { c = $NF }
    /^qa_stream_handler_seconds_sum\{.*group="(notifications|mail)"/ { s = $NF }
    END { printf "%d %d %d %.9f\n", p, h, c, s }'
}

# Inserts N answer.created rows about real answers (cycling through them), in id order, in one statement.
insert_events() {
  sql -c "
    WITH a AS (
      SELECT row_number() OVER (ORDER BY a.id) - 1 AS k, a.id, a.question_id, a.author_id, q.author_id AS question_author_id
      FROM answer a JOIN question q ON q.id = a.question_id WHERE $ONLY)
    INSERT INTO outbox (event_id, type, version, payload)
    SELECT gen_random_uuid(), 'answer.created', 1, json_build_object('answerId', a.id, 'questionId', a.question_id,
           'authorId', a.author_id, 'questionAuthorId', a.question_author_id)
    FROM generate_series(0, $1 - 1) g JOIN a ON a.k = g % $ANSWERS
    ORDER BY g"
}

# One round of N events through the site; writes "published/s first→last-s handled/s first→ack-s handler-ms mails".
round() {
  local n="$1" samples="$WORK/samples" base_p base_h base_c base_s h line deadline rows
  sql -c "TRUNCATE outbox, mail_log, notification RESTART IDENTITY"
  read -r base_p base_h base_c base_s <<< "$(metrics)"
  insert_events "$n"
  deadline=$(($(date +%s) + 120 + n / 100))
  : > "$samples"
  rows="$n" # at least the round's entries: the outbox rows are only counted once the group could have handled them all
  while :; do
    line="$(metrics)"
    read -r _ h _ <<< "$line"
    counted=0
    if [ "$h" -ge $((base_h + rows)) ]; then
      # The group may be done. The outbox rows (the round's entries and the notifications.created events that handling
      # them recorded, in the same transactions) are counted before and after the metrics are read again: when the two
      # counts agree, no handling recorded rows in between, and every entry the metrics count as handled had its
      # follow-up in the count. Counting at every sample took PostgreSQL, which the group waits on, 50 ms at a time,
      # 10 times a second. A failed count (a refused connection, when others use up PostgreSQL's connections) only
      # leaves this sample uncounted.
      if before="$(sql -c "SELECT count(*) FROM outbox" 2> /dev/null)" && line="$(metrics)" \
        && after="$(sql -c "SELECT count(*) FROM outbox" 2> /dev/null)"; then
        read -r _ h _ <<< "$line"
        rows="$after"
        [ "$before" != "$after" ] || counted=1
      fi
    fi
    echo "$(date +%s.%N) $line $rows $counted" >> "$samples"
    [ "$counted" -eq 0 ] || [ "$h" -lt $((base_h + rows)) ] || break
    kill -0 "$APP_PID" 2> /dev/null || { log "the site stopped"; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { log "round N = $n did not finish in time: $line"; exit 1; }
    sleep 0.1
  done
  local published first_ms last_ms mails
  read -r published first_ms last_ms <<< "$(sql -F' ' -c "SELECT count(*), min(split_part(stream_id, '-', 1)::bigint),
      max(split_part(stream_id, '-', 1)::bigint) FROM outbox WHERE published_at IS NOT NULL AND type = 'answer.created'")"
  [ "$published" -eq "$n" ] || { log "$published of $n outbox rows are marked published"; exit 1; }
  mails="$(sql -c "SELECT count(*) FROM mail_log")"
  awk -v n="$n" -v first="$first_ms" -v last="$last_ms" -v bh="$base_h" -v bc="$base_c" -v bs="$base_s" -v mails="$mails" '
    $7 == 1 && $3 >= bh + $6 && !done { t = $1; c = $4; s = $5; done = 1 }
    END {
      pub_s = (last - first) / 1000; hand_s = t - first / 1000
      printf "%d %.1f %d %.1f %.3f %d\n", n / pub_s, pub_s, n / hand_s, hand_s, (s - bs) / (c - bc) * 1000, mails
    }' "$samples"
}

RESULTS=() # "label N published/s first→last-s handled/s first→ack-s handler-ms mails"
LOADS=()
for i in "${!LABELS[@]}"; do
  label="${LABELS[$i]}"
  sql -c "TRUNCATE outbox, mail_log, notification RESTART IDENTITY"
  flush_redis
  LOADS+=("$label $(loadavg)")
  log "$label: starting the site on $BASE_URL"
  start_app_jar "${JARS[$i]}"
  log "$label: warming up with $(thousands $WARM_UP) events (not reported)"
  round "$WARM_UP" > /dev/null
  for n in "${COUNTS[@]}"; do
    log "$label: N = $(thousands "$n"), inserting the outbox rows and waiting for the consumer group"
    round "$n" > "$WORK/round" # not in a subshell: a failure must stop the script
    read -r pub pub_s handled hand_s handler_ms mails < "$WORK/round"
    log "$label: N = $(thousands "$n"), published $pub/s ($pub_s s), handled+acked $handled/s ($hand_s s), handler $handler_ms ms, $mails mails"
    RESULTS+=("$label $n $pub $pub_s $handled $hand_s $handler_ms $mails")
  done
  PAYLOAD="$(sql -c "SELECT payload::text FROM outbox ORDER BY id LIMIT 1")"
  NOTIFICATIONS="$(sql -c "SELECT count(*) FROM notification")"
  log "$label: stopping the site"
  stop_app
done
LOAD_AFTER="$(loadavg)"

# --- raw Redis ------------------------------------------------------------------
xadd() {
  redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" --dbnum "$STREAMS_DB" -n "$XADD_N" -c 1 -P "$1" --csv \
    XADD bench:xadd MAXLEN '~' 100000 '*' id "$(cat /proc/sys/kernel/random/uuid)" type answer.created v 1 \
    payload "$PAYLOAD" | tail -n1 | sed 's/"$//' | awk -F'","' '{ printf "%d %s\n", $(NF - 6), $(NF - 5) }'
  "${REDIS[@]}" -n "$STREAMS_DB" DEL bench:xadd > /dev/null
}
log "raw XADD, one client, one command per round trip"
read -r XADD_1 XADD_1_MS <<< "$(xadd 1)"
log "raw XADD, one client, $PIPELINE commands per round trip"
read -r XADD_P XADD_P_MS <<< "$(xadd "$PIPELINE")"
log "raw XADD: $XADD_1/s (${XADD_1_MS} ms each), pipelined $XADD_P/s"

# --- the report -----------------------------------------------------------------
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
{
  echo "# Event throughput benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory"
  echo "- Load average (1, 5, 15 min) before the runs of each site: $(printf '%s, ' "${LOADS[@]}")and at the end: $LOAD_AFTER"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION"
  echo "- One instance of the site (\`java @src/main/jvm/jvm.options -jar $JAR\`, with the AOT cache when fresh), demo data of ratio $RATIO"
  echo "  ($(thousands "$ANSWERS") answers), relay batch 200, consumer batch 50 (the defaults); **site** is the commit it was built from"
  if [ "$ABOUT" = asker-only ]; then
    echo "- The events are about the $(thousands "$ANSWERS") answers to questions nobody else answered (\`QA_EVENTS_ANSWERS=asker-only\`): each"
    echo "  tells the asker only, so the rates are the event path's own, apart from the fan-out's ([events.md](events.md): all answers)"
  fi
  if [ "${#LABELS[@]}" -gt 1 ]; then
    echo "- Changes to the site from ${LABELS[0]} to ${LABELS[-1]}:"
    git log --reverse --format='  - %h %s' "${LABELS[0]}..HEAD" -- src pom.xml
    [[ "${LABELS[-1]}" != *+changes ]] || echo "  - and changes not committed yet"
  fi
  echo
  echo "| site | N | published/s | first→last XADD s | handled+acked/s | first XADD→last ack s | mean handler ms | mails queued | published ÷ raw XADD | handled ÷ raw XADD |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${RESULTS[@]}"; do
    read -r label n pub pub_s handled hand_s handler_ms mails <<< "$row"
    echo "| $label | $(thousands "$n") | $(thousands "$pub") | $pub_s | $(thousands "$handled") | $hand_s | $handler_ms | $(thousands "$mails") | $(ratio "$pub" "$XADD_1") | $(ratio "$handled" "$XADD_1") |"
  done
  echo
  echo "| raw XADD on the same Redis (\`redis-benchmark\`, $(thousands $XADD_N) commands, 1 client) | XADD/s | mean latency ms |"
  echo "|---|---:|---:|"
  echo "| one command per round trip (\`-P 1\`), as the relay used to send them | $(thousands "$XADD_1") | $XADD_1_MS |"
  echo "| $PIPELINE commands per round trip (\`-P $PIPELINE\`), a relay batch | $(thousands "$XADD_P") | $XADD_P_MS |"
  echo
  echo "- **published/s**: N / the time between the first and the last XADD of the round's N \`answer.created\`"
  echo "  entries (their Redis ids, which the relay stores in \`outbox.stream_id\`). Every one was marked published."
  echo "- **handled+acked/s**: N / the time from the first XADD until \`qa_stream_processed_total\` of the group"
  echo "  on \`/q/metrics\` (polled every 0.1 s) had grown by the number of outbox rows: the N entries and the"
  echo "  \`notifications.created\` events that handling them records (they bring the counts to the members' open"
  echo "  pages; the group reads them too: one for each batch of entries it handles, one for each entry in builds"
  echo "  before d39770f), read, handled and acked by the \`notifications\` group (\`mail\` in builds before"
  echo "  notifications), which runs while the relay publishes. Only the N answers count in the rate."
  echo "- **mean handler ms**: growth of \`qa_stream_handler_seconds_sum\` ÷ growth of \`_count\` for the group"
  echo "  (the entry's transaction included: its own, or its share of the batch's), over every entry it read. The"
  echo "  \`notifications.created\` entries take next to no time: builds that record one per answer read twice as"
  echo "  many entries, so their mean is about half as large for the same work per answer."
  echo "- **mails queued**: \`mail_log\` rows the handler inserted (mail about answers is instant for every demo"
  echo "  member in \`qa_bench\`); the other events were answers to the author's own question, which it skips. The"
  echo "  notifications it made (the author's, and one for each other member who follows the question): $(thousands "$NOTIFICATIONS") in the last round."
  echo "- **÷ raw XADD**: the site's rate divided by the one-command-per-round-trip XADD rate."
  echo "- The outbox rows are inserted with one SQL statement while the site runs (after an untimed round of"
  echo "  $(thousands $WARM_UP) events that warms up the JVM); the relay's sweep (every 5 s) finds them, so the time"
  echo "  before the first XADD is not counted. The outbox and \`mail_log\` are emptied before each round."
  echo "- Mail is not sent: the mailer points at a port where nothing listens, so the sender's circuit breaker"
  echo "  stays open and the queued mails wait."
  echo "- The site, PostgreSQL, Redis and the benchmark share the machine's CPUs (with whatever else runs on it: see"
  echo "  the load average); \`redis-benchmark\` runs after the site stopped."
  echo
  echo "Reproduce with \`bench/events.sh\` (or \`bench/events.sh N ...\` for other counts;"
  echo "\`QA_BENCH_BASELINE=<revision> bench/events.sh\` measures that revision's site too). The raw figures come from:"
  echo
  echo '```'
  echo "redis-benchmark -h 127.0.0.1 -p $REDIS_PORT --dbnum $STREAMS_DB -n $XADD_N -c 1 -P 1 --csv \\"
  echo "  XADD bench:xadd MAXLEN '~' 100000 '*' id <uuid> type answer.created v 1 payload '$PAYLOAD'"
  echo "redis-benchmark -h 127.0.0.1 -p $REDIS_PORT --dbnum $STREAMS_DB -n $XADD_N -c 1 -P $PIPELINE --csv \\"
  echo "  XADD bench:xadd MAXLEN '~' 100000 '*' id <uuid> type answer.created v 1 payload '$PAYLOAD'"
  echo '```'
} > "$OUT"
cat "$OUT"
