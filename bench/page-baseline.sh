#!/usr/bin/env bash
# The question page of the site against a raw Vert.x baseline rendering the same HTML from the same data
# (bench/baseline/: the reactive PostgreSQL and Redis clients on plain event loops, with the site's own SQL files, time
# wording and escaping from its jar), and writes
# bench/results/page-baseline.md: requests/s, p50 and p99 under wrk, errors, the ratio site ÷ baseline, each process'
# RSS under the load and its startup time.
# Usage: bench/page-baseline.sh        (settings through QA_PAGE_BASELINE_* variables)
#   QA_PAGE_BASELINE_ROUNDS       measured rounds, each one run of the site then one of the baseline (default 3)
#   QA_PAGE_BASELINE_DURATION     seconds of each measured run (default 20)
#   QA_PAGE_BASELINE_FIRST_WARM_UP  seconds of warm-up of each process before the first round, not reported (default
#                                 60: on 2 busy CPUs the site's JIT compilation takes about a minute of load to settle)
#   QA_PAGE_BASELINE_WARM_UP      seconds of warm-up before each measured run, not reported (default 10)
#   QA_PAGE_BASELINE_THREADS      wrk threads (default 2)
#   QA_PAGE_BASELINE_CONNECTIONS  wrk connections (default 16)
#   QA_PAGE_BASELINE_DB_POOL      the baseline's PostgreSQL pool size (default 16)
#   QA_PAGE_BASELINE_N            demo data size when the database must be filled (default 10000)
#   QA_PAGE_BASELINE_VISITOR_PAGES  on (default): the site as it runs, serving visitors the page it keeps for them
#                                 (question/VisitorPages, rendered once per change or 10 s); off: the site renders every
#                                 page (QA_VISITOR_PAGE_CACHE=0), as for a member, and the results go to
#                                 results/page-baseline-rendered.md instead
#   QA_PAGE_BASELINE_SITE_APP     another packaged site to measure instead of this checkout's (a quarkus-app
#                                 directory, e.g. a copy of target/quarkus-app of an earlier commit, for before/after
#                                 figures; it must have the same migrations); not built by the script (this checkout's
#                                 site is: the baseline runs on its classes)
#
# The data is the N = 10,000 demo database qa_explain, used as it is when it has demo data and filled with
# bin/fill-db otherwise (as question-page.sh). Both processes run at once, idle while the other one is measured, and
# the runs alternate (site, baseline, site, baseline, ...) so that the machine's other work falls on both alike:
# - the site: the packaged jar on 127.0.0.1:8590 (the JVM options of src/main/jvm/jvm.options; its management interface on 8593), Redis
#   databases 13 (streams), 14 (cache) and 15 (locks), its mailer on a port where nothing listens;
# - the baseline: bench/baseline's jar on 127.0.0.1:8592 (default JVM settings), reading the same Redis databases:
#   the stream position from 13 and the right column from the cache keys the site fills in 14, where it also writes
#   the view's dedup key as the site does.
# Both are anonymous pages of the question with at least 10 answers that has the lowest id, first page, newest first.
# Before the runs the script fetches the page from both and compares them (sizes; the markup line by line with
# indentation and the CSRF token set aside), and writes the outcome into the results.
#
# Startup: from the process' start to the first 200 of /q/health/ready (site) or /health (baseline), polled every
# 50 ms, next to the figure each process prints itself (Quarkus' "started in", the baseline's deploy time).
# RSS: the largest of `ps -o rss` samples taken every 0.5 s during each measured run.
# Redis databases 13–15 are flushed at the start and at the end; both processes are stopped by their PIDs at the end,
# also on failure or Ctrl+C. PostgreSQL, Redis and maildev are left running (bin/services starts them when they are not).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/page-baseline.sh (settings through QA_PAGE_BASELINE_* variables)" >&2; exit 2; }

DB="${QA_PAGE_BASELINE_DB:-qa_explain}"
N="${QA_PAGE_BASELINE_N:-10000}"
ROUNDS="${QA_PAGE_BASELINE_ROUNDS:-3}"
DURATION="${QA_PAGE_BASELINE_DURATION:-20}"
FIRST_WARM_UP="${QA_PAGE_BASELINE_FIRST_WARM_UP:-60}"
WARM_UP="${QA_PAGE_BASELINE_WARM_UP:-10}"
THREADS="${QA_PAGE_BASELINE_THREADS:-2}"
CONNECTIONS="${QA_PAGE_BASELINE_CONNECTIONS:-16}"
DB_POOL="${QA_PAGE_BASELINE_DB_POOL:-16}"
for v in "$N" "$ROUNDS" "$DURATION" "$FIRST_WARM_UP" "$WARM_UP" "$THREADS" "$CONNECTIONS" "$DB_POOL"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_PAGE_BASELINE_* settings must be positive integers" >&2; exit 2; }
done

BENCH_NAME=page-baseline
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8590 8591 8593 # the site, its mailer (nothing may listen there), its management interface

BASELINE_PORT=8592
BASELINE_URL="http://127.0.0.1:$BASELINE_PORT"
SITE_APP="${QA_PAGE_BASELINE_SITE_APP:-}"
VISITOR_PAGES="${QA_PAGE_BASELINE_VISITOR_PAGES:-on}"
case "$VISITOR_PAGES" in
  on) SITE_ENV=() ;;
  off) SITE_ENV=(QA_VISITOR_PAGE_CACHE=0); OUT="bench/results/page-baseline-rendered.md" ;;
  *) echo "QA_PAGE_BASELINE_VISITOR_PAGES must be on or off" >&2; exit 2 ;;
esac
BASELINE_JAR=bench/baseline/target/page-baseline.jar
SITE_CLASSES=target/quarkus-app/app/qa-site-1.0.0-SNAPSHOT.jar # the site's own code and SQL, which the baseline runs on
export QUARKUS_FLYWAY_OUT_OF_ORDER=true # for bin/fill-db and the site, as question-page.sh

BASELINE_PID=""
finish() {
  local status="$1"
  if [ -n "$BASELINE_PID" ] && kill -0 "$BASELINE_PID" 2> /dev/null; then
    log "stopping the baseline (pid $BASELINE_PID)"
    kill "$BASELINE_PID" 2> /dev/null || true
    wait "$BASELINE_PID" 2> /dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$WORK/baseline.log" ]; then
    log "the baseline's log ends with:"; tail -n 30 "$WORK/baseline.log" >&2
  fi
  finish_site_run "$status"
}
trap 'finish $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
if (exec 3<>"/dev/tcp/127.0.0.1/$BASELINE_PORT") 2> /dev/null; then log "port $BASELINE_PORT is taken"; exit 1; fi
flush_redis

# --- the builds and the data ----------------------------------------------------------------------------------------
# This checkout's site is built in any case: the baseline runs on its classes and SQL files ($SITE_CLASSES).
build_site
if [ -n "$SITE_APP" ]; then
  JAR="$SITE_APP/quarkus-run.jar"
  [ -f "$JAR" ] || { log "no $JAR"; exit 1; }
  BUILD="the given $SITE_APP"
fi
build_page_baseline

fill_demo_data

question_with_ten_answers

# --- the two processes ------------------------------------------------------------------------------------------------
log "starting the site on $BASE_URL"
LOAD_START="$(loadavg)"
READY_SECONDS=120 READY_POLL=0.05 start_app_jar "$JAR" "${SITE_ENV[@]}"
SITE_READY_MS="$APP_READY_MS"
SITE_STARTED_IN="$(grep -o 'started in [0-9.]*s' "$WORK/app.log" | head -n1 | grep -o '[0-9.]*' || echo '?')"
# The baseline serves the question at /questions/{id}; the site moves it to its address with the slug (a 301).
BASELINE_PAGE="$PAGE"
canonical_page
code="$(curl -sS -o "$WORK/site.html" -w '%{http_code}' --max-time 30 "$BASE_URL$PAGE")"
[ "$code" = 200 ] || { log "the site answered $code for $PAGE"; exit 1; }

# The web bundler names the script and style files by their content: the baseline takes the site's tags as they are.
awk '/<link rel="icon"/ { on = 1; next } /<\/head>/ { on = 0 } on' "$WORK/site.html" > "$WORK/head.html"

log "starting the baseline on $BASELINE_URL"
started="$(date +%s%N)"
env BASELINE_PORT="$BASELINE_PORT" \
  BASELINE_DB_URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:5432/$DB" \
  BASELINE_DB_POOL="$DB_POOL" \
  BASELINE_REDIS_STREAMS_URL="redis://127.0.0.1:$REDIS_PORT/$STREAMS_DB" \
  BASELINE_REDIS_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/$CACHE_DB" \
  BASELINE_HEAD="$WORK/head.html" \
  BASELINE_VISITOR_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" \
  "$JAVA_HOME/bin/java" -jar "$BASELINE_JAR" > "$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
BASELINE_READY_MS=""
for _ in $(seq 1 600); do
  kill -0 "$BASELINE_PID" 2> /dev/null || { log "the baseline did not start"; exit 1; }
  if curl -fsS --max-time 2 "$BASELINE_URL/health" > /dev/null 2>&1; then
    BASELINE_READY_MS=$((($(date +%s%N) - started) / 1000000))
    break
  fi
  sleep 0.05
done
[ -n "$BASELINE_READY_MS" ] || { log "the baseline was not ready after 30 s"; exit 1; }
BASELINE_STARTED_IN="$(grep -o 'started in [0-9.]*s' "$WORK/baseline.log" | head -n1 | grep -o '[0-9.]*' || echo '?')"
code="$(curl -sS -o "$WORK/baseline.html" -w '%{http_code}' --max-time 30 "$BASELINE_URL$BASELINE_PAGE")"
[ "$code" = 200 ] || { log "the baseline answered $code for $BASELINE_PAGE"; exit 1; }
# Once more from the site, now that the baseline's page was made at the same moment (the "… ago" times match).
curl -fsS -o "$WORK/site.html" --max-time 30 "$BASE_URL$PAGE"

# --- the same page? ---------------------------------------------------------------------------------------------------
SITE_BYTES="$(stat -c %s "$WORK/site.html")"
BASELINE_BYTES="$(stat -c %s "$WORK/baseline.html")"
# Compared line by line without indentation, empty lines and the CSRF token (random per visitor).
normalise() {
  sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
    -e 's/\(name="csrf-token" value="\)[^"]*"/\1…"/g' "$1"
}
normalise "$WORK/site.html" > "$WORK/site.norm"
normalise "$WORK/baseline.html" > "$WORK/baseline.norm"
DIFF_LINES="$( (diff "$WORK/site.norm" "$WORK/baseline.norm" || true) | grep -c '^[<>]' || true)"
SITE_LINES="$(wc -l < "$WORK/site.norm")"
SIZE_DIFF="$(awk -v a="$SITE_BYTES" -v b="$BASELINE_BYTES" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')"
log "page: site $SITE_BYTES bytes, baseline $BASELINE_BYTES bytes ($SIZE_DIFF %), $DIFF_LINES of $SITE_LINES lines differ"
if [ "$DIFF_LINES" -gt 0 ]; then (diff "$WORK/site.norm" "$WORK/baseline.norm" || true) | head -n 40 >&2; fi

# --- the runs -----------------------------------------------------------------------------------------------------------

RESULTS=() # "round who rps p50 p99 requests errors rss load"
measure() { # $1: round, $2: site|baseline
  local round="$1" who="$2" url pid out="$WORK/$2-$1.txt" rss
  if [ "$who" = site ]; then url="$BASE_URL$PAGE"; pid="$APP_PID"; else url="$BASELINE_URL$BASELINE_PAGE"; pid="$BASELINE_PID"; fi
  local load
  load="$(loadavg)"
  log "round $round, $who: warm-up ${WARM_UP} s, then wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (load $load)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP}s" --timeout 10s "$url" > /dev/null
  rm -f "$WORK/stop-rss"
  sample_rss "$pid" "$WORK/stop-rss" > "$WORK/rss.txt" &
  local sampler=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$url" > "$out"
  touch "$WORK/stop-rss"
  wait "$sampler"
  rss="$(cat "$WORK/rss.txt")"
  local rps p50 p99 requests errors
  rps="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  requests="$(awk '/ requests in / { print $1 }' "$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) e += $i }
    END { print e + 0 }' "$out")"
  [ -n "$rps" ] && [ -n "$requests" ] || { cat "$out" >&2; log "wrk's output was not understood"; exit 1; }
  log "round $round, $who: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors, RSS up to $rss MiB"
  RESULTS+=("$round $who $rps $p50 $p99 $requests $errors $rss ${load// /,}")
}

for who in site baseline; do
  if [ "$who" = site ]; then url="$BASE_URL$PAGE"; else url="$BASELINE_URL$BASELINE_PAGE"; fi
  log "$who: first warm-up, ${FIRST_WARM_UP} s (load $(loadavg))"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${FIRST_WARM_UP}s" --timeout 10s "$url" > /dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  measure "$round" site
  measure "$round" baseline
done
LOAD_END="$(loadavg)"

# --- the report -----------------------------------------------------------------------------------------------------------
# Per process: the mean of the rounds' requests/s, and the median of their p50/p99 (and the largest RSS).
summary() { # $1: site|baseline -> "rps p50 p99 errors rss"
  printf '%s\n' "${RESULTS[@]}" | awk -v who="$1" '$2 == who { n++; rps += $3; p50[n] = $4; p99[n] = $5; err += $7; if ($8 > rss) rss = $8 }
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%.1f %.1f %.1f %d %d\n", rps / n, median(p50, n), median(p99, n), err, rss }'
}
read -r SITE_RPS SITE_P50 SITE_P99 SITE_ERRORS SITE_RSS <<< "$(summary site)"
read -r BASE_RPS BASE_P50 BASE_P99 BASE_ERRORS BASE_RSS <<< "$(summary baseline)"
RATIO="$(awk -v a="$SITE_RPS" -v b="$BASE_RPS" 'BEGIN { printf "%.0f", a * 100 / b }')"
QUESTIONS="$(sql -c "SELECT count(*) FROM question")"
ANSWERS="$(sql -c "SELECT count(*) FROM answer")"
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
WRK_VERSION="$( (wrk -v 2>&1 || true) | head -n1 | awk '{ print $1, $2 }')" # wrk -v exits with 1
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
ms_to_s() { awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
{
  echo "# Question page: the site against a raw Vert.x baseline"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory, shared with other work"
  echo "- Load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END (before each run: in the table)"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION, $WRK_VERSION"
  echo "- The site: \`java @src/main/jvm/jvm.options -jar $JAR\` (with the AOT cache when fresh, built from $BUILD) on 127.0.0.1:$PORT"
  echo "- The baseline: \`java -jar $BASELINE_JAR\` (default JVM settings; Vert.x web, reactive PostgreSQL client with a"
  echo "  pool of $DB_POOL, Redis client; $(nproc) HTTP server instances, one per CPU, each on its event loop) on 127.0.0.1:$BASELINE_PORT"
  echo "- Data: database \`$DB\`, $(thousands "$QUESTIONS") questions, $(thousands "$ANSWERS") answers"
  if [ -n "$FILLED_NOW" ]; then echo "  (filled by this run with \`bin/fill-db $N\`)"; else echo "  (\`fill-db\` demo data, filled beforehand)"; fi
  echo "- Page: \`$PAGE\` ($QUESTION_ANSWERS answers, the first 10 shown), anonymous"
  echo
  echo "| | requests/s | p50 ms | p99 ms | errors | RSS under load | startup: process start → ready | startup: own figure |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "| site | $(thousands "${SITE_RPS%.*}").${SITE_RPS#*.} | $SITE_P50 | $SITE_P99 | $SITE_ERRORS | $SITE_RSS MiB | $(ms_to_s "$SITE_READY_MS") s | $SITE_STARTED_IN s (Quarkus' \"started in\") |"
  echo "| baseline | $(thousands "${BASE_RPS%.*}").${BASE_RPS#*.} | $BASE_P50 | $BASE_P99 | $BASE_ERRORS | $BASE_RSS MiB | $(ms_to_s "$BASELINE_READY_MS") s | $BASELINE_STARTED_IN s (deployed) |"
  echo
  echo "**The site serves $RATIO % of the baseline's requests per second.**"
  echo
  echo "Requests/s: the mean of $ROUNDS rounds each; p50/p99: the median of the rounds; RSS: the largest sample."
  echo
  echo "| round | | requests/s | p50 ms | p99 ms | requests | errors | RSS MiB | load average before |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    read -r round who rps p50 p99 requests errors rss load <<< "$row"
    echo "| $round | $who | $(thousands "${rps%.*}").${rps#*.} | $p50 | $p99 | $(thousands "$requests") | $errors | $rss | ${load//,/ } |"
  done
  echo
  echo "- **The same page**: both pages fetched one after the other before the runs: the site's $(thousands "$SITE_BYTES") bytes,"
  echo "  the baseline's $(thousands "$BASELINE_BYTES") bytes ($SIZE_DIFF %); compared line by line with indentation and empty lines"
  echo "  removed and the CSRF token (random per visitor) set aside, **$DIFF_LINES of $SITE_LINES lines differ**."
  echo "- **What each does per page**: the stream position (\`XREVRANGE qa:events + - COUNT 1\`, and \`XINFO STREAM\` when the"
  echo "  stream is empty) before the answers; the question and its author, its tags, the first 10 answers with their"
  echo "  authors from PostgreSQL; popular tags and best members from the cache keys the site fills (\`GET\` each); the view's"
  echo "  dedup key (\`SET NX PX\`). The baseline issues the reads after the position at once, on one event loop; the site"
  if [ "$VISITOR_PAGES" = on ]; then
    echo "  as its code does (see the CHANGELOG). The baseline reads all of it and writes the page out in full for every"
    echo "  request. **The site keeps the whole page for visitors** (\`question/VisitorPages\`): it reads and renders it"
    echo "  once, and again when something on it changes or after \`QA_VISITOR_PAGE_TTL\` (10 s); every other request"
    echo "  gets the kept page with its own CSRF token put in, and records its view (\`SET NX PX\`) as before."
    echo "  \`QA_PAGE_BASELINE_VISITOR_PAGES=off\` measures the site rendering every page ([page-baseline-rendered.md](page-baseline-rendered.md))."
  else
    echo "  as its code does (see the CHANGELOG). Both read all of it for every page: **the site renders every page**"
    echo "  (\`QA_VISITOR_PAGE_CACHE=0\`, as it does for members); it keeps the markup of each answer and of the right column"
    echo "  between pages (as the reader and the data allow), where the baseline writes every page out in full."
  fi
  echo "- Before the first round, ${FIRST_WARM_UP} s of warm-up of each process (the site's JIT compiler needs about a"
  echo "  minute of load on 2 busy CPUs). Each round: ${WARM_UP} s of warm-up with the same load (not reported), then the measured run; the site first, then the"
  echo "  baseline, both processes up all along (the idle one costs little: the site's scheduled jobs). Commands:"
  echo
  echo '```'
  echo "wrk -t$THREADS -c$CONNECTIONS -d${WARM_UP}s --timeout 10s <url>"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s --latency <url>"
  echo '```'
  echo
  echo "- **errors**: non-2xx/3xx responses and socket errors that wrk reported."
  echo "- **RSS under load**: the largest \`ps -o rss\` sample (every 0.5 s) during the measured runs."
  echo "- **startup**: from the process' start to the first 200 of \`/q/health/ready\` (site) or \`/health\` (baseline), polled"
  echo "  every 50 ms, with the site's Flyway check of the migrations and its Hibernate boot; the baseline connects lazily."
  echo "- Latencies are wrk's (\`--latency\`, uncorrected for coordinated omission), end to end on the loopback. wrk,"
  echo "  PostgreSQL, Redis and the process measured share the $(nproc) CPUs (with whatever else runs: see the load average)."
  echo
  echo "Reproduce with \`bench/page-baseline.sh\` (\`QA_PAGE_BASELINE_ROUNDS\`, \`QA_PAGE_BASELINE_DURATION\`, ... change the runs)."
} > "$OUT"
cat "$OUT"
