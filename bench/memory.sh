#!/usr/bin/env bash
# The site's memory with a few JVM option sets side by side: the RSS idle after the start, the RSS and requests/s under
# the question page's load, the RSS idle after the load; writes bench/results/memory.md. The options in
# src/main/jvm/jvm.options were chosen with it (the "options file" row).
# Usage: bench/memory.sh        (settings through QA_MEMORY_* variables)
#   QA_MEMORY_ROUNDS          measured rounds, each a run of every option set in turn (default 2)
#   QA_MEMORY_DURATION        seconds of each measured run (default 20)
#   QA_MEMORY_FIRST_WARM_UP   seconds of load on each process before the first round, not reported (default 40)
#   QA_MEMORY_WARM_UP         seconds of load before each measured run, not reported (default 10)
#   QA_MEMORY_SETTLE          seconds idle before each idle RSS sample (default 20)
#   QA_MEMORY_DB              the database (default qa_explain, the N = 10,000 demo data; filled when empty)
#   QA_MEMORY_SETS            other option sets than the script's: "name|JVM options|VAR=value ...;name|...", at most
#                             5 (@FILE in the options: src/main/jvm/jvm.options)
#
# All the processes run at once (site ports 8990-8994, management 9090-9094, the mailer pointed at 8999 where nothing
# listens), idle while another is measured, and the runs alternate, so that the machine's other work falls on all
# alike. The load: wrk -t2 -c16 on the anonymous first page of the question with at least 10 answers that has the
# lowest id (as bench/page-baseline.sh). RSS: `ps -o rss`; under load the largest sample, every 0.5 s. No AOT cache
# (it changes the start, not these figures much; bench/start.sh measures it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/memory.sh (settings through QA_MEMORY_* variables)" >&2; exit 2; }

DB="${QA_MEMORY_DB:-qa_explain}"
N=10000
ROUNDS="${QA_MEMORY_ROUNDS:-2}"
DURATION="${QA_MEMORY_DURATION:-20}"
FIRST_WARM_UP="${QA_MEMORY_FIRST_WARM_UP:-40}"
WARM_UP="${QA_MEMORY_WARM_UP:-10}"
SETTLE="${QA_MEMORY_SETTLE:-20}"
for v in "$ROUNDS" "$DURATION" "$FIRST_WARM_UP" "$WARM_UP" "$SETTLE"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_MEMORY_* settings must be positive integers" >&2; exit 2; }
done

BENCH_NAME=memory
# shellcheck source=common.sh
source bench/common.sh
# shellcheck source=../bin/jvm
source bin/jvm
bench_services "$DB"
site_ports 8990 8999 9090

# The option sets: a name, the JVM options, and Quarkus settings (VAR=value words, may be empty), split by "|". The
# capped sets share the options file's limits and differ in the collector.
FILE="@$PWD/$JVM_OPTIONS_FILE"
LIMITS="$(grep -v -e '^#' -e '^-XX:+Use.*GC$' "$JVM_OPTIONS_FILE" | grep . | tr '\n' ' ')"
SETS=(
  "JVM defaults (as before the options file)||"
  "G1, the file's limits|-XX:+UseG1GC $LIMITS|"
  "Parallel, the file's limits|-XX:+UseParallelGC $LIMITS|"
  "options file|$FILE|"
  "options file without the native heap trim|$FILE -XX:TrimNativeHeapInterval=0|"
)
# QA_MEMORY_SETS replaces them: sets separated by ";" (in a set, @FILE stands for the options file).
if [ -n "${QA_MEMORY_SETS:-}" ]; then IFS=';' read -r -a SETS <<< "${QA_MEMORY_SETS//@FILE/$FILE}"; fi
[ "${#SETS[@]}" -le 5 ] || { log "QA_MEMORY_SETS: at most 5 sets (the ports 8990-8994)"; exit 2; }

PIDS=()
finish() {
  local status="$1" pid
  for pid in "${PIDS[@]}"; do APP_PID="$pid"; stop_app; done
  finish_site_run "$status"
}
trap 'finish $?' EXIT
trap 'exit 130' INT TERM
flush_redis
build_site
fill_demo_data
question_with_ten_answers

rss_of() { echo $(($(ps -o rss= -p "$1" | tr -d ' ') / 1024)); }

declare -a URLS=() IDLE_START=() IDLE_END=() READY=()
for i in "${!SETS[@]}"; do
  IFS='|' read -r name opts settings <<< "${SETS[$i]}"
  PORT=$((8990 + i)); MANAGEMENT_PORT=$((9090 + i))
  BASE_URL="http://127.0.0.1:$PORT"; MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"
  require_free_ports
  log "starting \"$name\" on $BASE_URL"
  # shellcheck disable=SC2086 # the settings are words
  APP_JVM_OPTS="$opts" READY_SECONDS=120 start_app_jar "$JAR" $settings
  mv "$WORK/app.log" "$WORK/app-$i.log"
  PIDS+=("$APP_PID"); APP_PID=""
  [ "$i" -gt 0 ] || canonical_page
  READY+=("$APP_READY_MS"); URLS+=("$BASE_URL$PAGE")
  curl -fsS -o /dev/null --max-time 30 "$BASE_URL$PAGE"
done
log "idle for $SETTLE s"
sleep "$SETTLE"
for i in "${!SETS[@]}"; do IDLE_START+=("$(rss_of "${PIDS[$i]}")"); done

LOAD_START="$(loadavg)"
for i in "${!SETS[@]}"; do
  log "first warm-up of set $((i + 1)), ${FIRST_WARM_UP} s"
  wrk -t2 -c16 -d"${FIRST_WARM_UP}s" --timeout 10s "${URLS[$i]}" > /dev/null
done
RESULTS=() # "round set rps rss"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!SETS[@]}"; do
    wrk -t2 -c16 -d"${WARM_UP}s" --timeout 10s "${URLS[$i]}" > /dev/null
    rm -f "$WORK/stop-rss"
    sample_rss "${PIDS[$i]}" "$WORK/stop-rss" > "$WORK/rss.txt" &
    sampler=$!
    wrk -t2 -c16 -d"${DURATION}s" --timeout 10s "${URLS[$i]}" > "$WORK/wrk.txt"
    touch "$WORK/stop-rss"; wait "$sampler"
    rps="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$WORK/wrk.txt")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } END { print e + 0 }' "$WORK/wrk.txt")"
    [ -n "$rps" ] && [ "$errors" -eq 0 ] || { cat "$WORK/wrk.txt" >&2; log "set $((i + 1)): errors under load"; exit 1; }
    RESULTS+=("$round $i $rps $(cat "$WORK/rss.txt")")
    log "round $round, set $((i + 1)): $rps requests/s, RSS up to $(cat "$WORK/rss.txt") MiB (load $(loadavg))"
  done
done
LOAD_END="$(loadavg)"
log "idle for $SETTLE s"
sleep "$SETTLE"
for i in "${!SETS[@]}"; do IDLE_END+=("$(rss_of "${PIDS[$i]}")"); done

# Per set: the mean requests/s of the rounds and the largest RSS under load.
summary() { printf '%s\n' "${RESULTS[@]}" | awk -v s="$1" '$2 == s { n++; rps += $3; if ($4 > rss) rss = $4 } END { printf "%.1f %d", rps / n, rss }'; }
read -r REF_RPS _ <<< "$(summary 0)"
{
  echo "# The site's memory under a few JVM option sets"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), built from $BUILD; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
  echo "- Machine: $(nproc) CPUs, shared with other work; load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END"
  echo "- Data: database \`$DB\`; page \`$PAGE\`, anonymous; load \`wrk -t2 -c16\`"
  echo
  echo "| JVM options | idle RSS after the start | RSS under load (largest) | requests/s (mean) | against the defaults | idle RSS after the load | ready after |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${!SETS[@]}"; do
    IFS='|' read -r name _ _ <<< "${SETS[$i]}"
    read -r rps rss <<< "$(summary "$i")"
    ratio="$(awk -v a="$rps" -v b="$REF_RPS" 'BEGIN { printf "%+.1f %%", (a - b) * 100 / b }')"
    echo "| $name | ${IDLE_START[$i]} MiB | $rss MiB | $rps | $ratio | ${IDLE_END[$i]} MiB | $(awk -v v="${READY[$i]}" 'BEGIN { printf "%.1f s", v / 1000 }') |"
  done
  echo
  echo "The sets' options:"
  echo
  for i in "${!SETS[@]}"; do
    IFS='|' read -r name opts settings <<< "${SETS[$i]}"
    echo "- $name: \`$(opts="${opts//$PWD\//}"; echo "${opts:-(none)}")\`${settings:+, $settings}"
  done
  echo "- the options file, $JVM_OPTIONS_FILE: \`$(grep -v '^#' "$JVM_OPTIONS_FILE" | grep . | tr '\n' ' ' | sed 's/ $//')\`"
  echo
  echo "All sets run at once, each idle while another is measured. Idle RSS: $SETTLE s after all started (and a first"
  echo "page), and $SETTLE s after the last round. Under load: ${FIRST_WARM_UP} s of warm-up each, then $ROUNDS rounds of"
  echo "${WARM_UP} s warm-up + ${DURATION} s measured per set, in turn; requests/s the mean of the rounds, RSS the largest"
  echo "\`ps -o rss\` sample (every 0.5 s) of the measured runs. Each round:"
  echo
  printf '| round |'; for i in "${!SETS[@]}"; do printf ' set %d rps / RSS |' $((i + 1)); done; echo
  printf '|---:|'; for _ in "${SETS[@]}"; do printf -- '---:|'; done; echo
  for round in $(seq 1 "$ROUNDS"); do
    printf '| %d |' "$round"
    for row in "${RESULTS[@]}"; do
      read -r r _ rps rss <<< "$row"
      if [ "$r" = "$round" ]; then printf ' %s / %s MiB |' "$rps" "$rss"; fi
    done
    echo
  done
  echo
  echo "Reproduce with \`bench/memory.sh\` (\`QA_MEMORY_ROUNDS\`, \`QA_MEMORY_DURATION\`, ... change the runs)."
} > "$OUT"
cat "$OUT"
