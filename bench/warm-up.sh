#!/usr/bin/env bash
# The first minutes after a start: requests/s of the question page per 10 s, from the first request after the site is
# ready, next to the raw Vert.x baseline's steady requests/s (bench/baseline, as bench/page-baseline.sh runs it), and
# the time until the site serves 75 % of it; writes bench/results/warm-up.md.
# Usage: bench/warm-up.sh        (settings through QA_WARM_UP_* variables)
#   QA_WARM_UP_DURATION   seconds of load after the start, in 10 s runs of wrk back to back (default 300)
#   QA_WARM_UP_AOT        on (default): the site starts as bin/run starts it, with the options file and an AOT cache
#                         trained by this run (bin/jvm's train_aot_cache); off: the options file alone, for comparison
#   QA_WARM_UP_DB         the database (default qa_explain, the N = 10,000 demo data; filled when empty)
#
# The site on 127.0.0.1:8995 (management 9095, its mailer pointed at 8996 where nothing listens); the baseline on
# 8997, started after the site's curve and measured once warm (60 s of load, then 20 s measured). The load: wrk -t2
# -c16 on the anonymous first page of the question with at least 10 answers that has the lowest id.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/warm-up.sh (settings through QA_WARM_UP_* variables)" >&2; exit 2; }

DB="${QA_WARM_UP_DB:-qa_explain}"
N=10000
DURATION="${QA_WARM_UP_DURATION:-300}"
AOT="${QA_WARM_UP_AOT:-on}"
BUCKET=10
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] && [ "$DURATION" -ge "$BUCKET" ] || { echo "QA_WARM_UP_DURATION: seconds, at least $BUCKET" >&2; exit 2; }
[[ "$AOT" =~ ^(on|off)$ ]] || { echo "QA_WARM_UP_AOT must be on or off" >&2; exit 2; }

BENCH_NAME=warm-up
# shellcheck source=common.sh
source bench/common.sh
# shellcheck source=../bin/jvm
source bin/jvm
bench_services "$DB"
site_ports 8995 8996 9095
BASELINE_PORT=8997
BASELINE_PID=""
finish() {
  local status="$1"
  if [ -n "$BASELINE_PID" ]; then kill "$BASELINE_PID" 2> /dev/null || true; wait "$BASELINE_PID" 2> /dev/null || true; fi
  finish_site_run "$status"
}
trap 'finish $?' EXIT
trap 'exit 130' INT TERM
require_free_ports
if (exec 3<>"/dev/tcp/127.0.0.1/$BASELINE_PORT") 2> /dev/null; then log "port $BASELINE_PORT is taken"; exit 1; fi
flush_redis
build_site
build_page_baseline
fill_demo_data
question_with_ten_answers

SITE_OPTS="@$PWD/$JVM_OPTIONS_FILE"
if [ "$AOT" = on ]; then
  aot_cache_supported || { log "the AOT cache needs JDK 25 or later (QA_WARM_UP_AOT=off runs without)"; exit 1; }
  log "training the AOT cache"
  export QA_DB_URL="$DB_URL" QA_REDIS_STREAMS_URL="redis://127.0.0.1:$REDIS_PORT/$STREAMS_DB" \
    QA_REDIS_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/$CACHE_DB" QA_REDIS_LOCKS_URL="redis://127.0.0.1:$REDIS_PORT/$LOCKS_DB" \
    QA_SESSION_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" QA_HTTP_HOST=127.0.0.1 QA_MANAGEMENT_HOST=127.0.0.1 \
    QA_SMTP_HOST=127.0.0.1 QA_SMTP_PORT="$SMTP_PORT" QA_INSTANCE_ID=bench
  train_aot_cache "$(dirname "$JAR")" "$PORT" "$MANAGEMENT_PORT" "$WORK/app.aot" \
    || { tail -n 30 "$WORK/app-training.log" >&2; log "the training run failed"; exit 1; }
  SITE_OPTS="$SITE_OPTS -XX:AOTCache=$WORK/app.aot"
  flush_redis # the right column's cache and the view keys start empty, as after a deployment
fi

LOAD_START="$(loadavg)"
log "starting the site ($SITE_OPTS)"
APP_JVM_OPTS="$SITE_OPTS" READY_POLL=0.05 start_app_jar "$JAR"
BASELINE_PAGE="$PAGE" # the baseline serves the question at /questions/{id}, the site moves it to its slug
canonical_page
log "ready after $APP_READY_MS ms; $DURATION s of load in $BUCKET s runs"
CURVE=() # "end-second rps"
for end in $(seq "$BUCKET" "$BUCKET" "$DURATION"); do
  wrk -t2 -c16 -d"${BUCKET}s" --timeout 10s "$BASE_URL$PAGE" > "$WORK/wrk.txt"
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.txt")"
  [ -n "$rps" ] || { cat "$WORK/wrk.txt" >&2; exit 1; }
  CURVE+=("$end $rps")
  log "${end} s: $rps requests/s"
done
SITE_RSS=$(($(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024))
# The web bundler names the script and style files by their content: the baseline takes the site's tags as they are.
curl -fsS --max-time 30 "$BASE_URL$PAGE" | awk '/<link rel="icon"/ { on = 1; next } /<\/head>/ { on = 0 } on' > "$WORK/head.html"
stop_app

log "starting the baseline on 127.0.0.1:$BASELINE_PORT"
env BASELINE_PORT="$BASELINE_PORT" \
  BASELINE_DB_URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:5432/$DB" BASELINE_DB_POOL=16 \
  BASELINE_REDIS_STREAMS_URL="redis://127.0.0.1:$REDIS_PORT/$STREAMS_DB" BASELINE_REDIS_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/$CACHE_DB" \
  BASELINE_HEAD="$WORK/head.html" BASELINE_VISITOR_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" \
  "$JAVA_HOME/bin/java" -jar "$BASELINE_JAR" > "$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
for _ in $(seq 1 600); do
  curl -fsS --max-time 2 "http://127.0.0.1:$BASELINE_PORT/health" > /dev/null 2>&1 && break
  kill -0 "$BASELINE_PID" 2> /dev/null || { tail -n 20 "$WORK/baseline.log" >&2; log "the baseline did not start"; exit 1; }
  sleep 0.05
done
code="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$BASELINE_PORT$BASELINE_PAGE")"
[ "$code" = 200 ] || { log "the baseline answered $code for $BASELINE_PAGE"; exit 1; }
wrk -t2 -c16 -d60s --timeout 10s "http://127.0.0.1:$BASELINE_PORT$BASELINE_PAGE" > /dev/null
wrk -t2 -c16 -d20s --timeout 10s "http://127.0.0.1:$BASELINE_PORT$BASELINE_PAGE" > "$WORK/wrk.txt"
BASE_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.txt")"
! grep -q 'Non-2xx' "$WORK/wrk.txt" || { cat "$WORK/wrk.txt" >&2; log "the baseline answered errors under load"; exit 1; }
LOAD_END="$(loadavg)"
TARGET=$((BASE_RPS * 75 / 100))
REACHED="$(printf '%s\n' "${CURVE[@]}" | awk -v t="$TARGET" '$2 >= t { print $1; exit }')"
log "baseline: $BASE_RPS requests/s; 75 %: $TARGET, reached after ${REACHED:-more than $DURATION} s"

{
  echo "# The question page in the first minutes after a start"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), built from $BUILD; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
  echo "- Machine: $(nproc) CPUs, shared with other work; load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END"
  echo "- The site: \`java ${SITE_OPTS//$PWD\//} -jar $JAR\`, ready $(awk -v v="$APP_READY_MS" 'BEGIN { printf "%.2f", v / 1000 }') s after its start; RSS at the end of the load: $SITE_RSS MiB"
  echo "- Data: database \`$DB\`; page \`$PAGE\`, anonymous; load \`wrk -t2 -c16\` in ${BUCKET} s runs back to back from the ready answer"
  echo "- The raw baseline (\`$BASELINE_JAR\`, JVM defaults), after the site's curve, 60 s of warm-up, 20 s measured: **$BASE_RPS requests/s**"
  echo
  if [ -n "$REACHED" ]; then
    echo "**75 % of the baseline ($TARGET requests/s) reached after $REACHED s of load.**"
  else
    echo "**75 % of the baseline ($TARGET requests/s) not reached within $DURATION s of load.**"
  fi
  echo
  echo "| seconds of load | requests/s | of the baseline |"
  echo "|---:|---:|---:|"
  for row in "${CURVE[@]}"; do
    read -r end rps <<< "$row"
    echo "| $end | $(thousands "$rps") | $(awk -v a="$rps" -v b="$BASE_RPS" 'BEGIN { printf "%.0f %%", a * 100 / b }') |"
  done
  echo
  echo "Reproduce with \`bench/warm-up.sh\` (\`QA_WARM_UP_DURATION\`, \`QA_WARM_UP_AOT=off\` for the curve without the AOT cache)."
} > "$OUT"
cat "$OUT"
