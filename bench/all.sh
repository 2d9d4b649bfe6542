#!/usr/bin/env bash
# Runs the benchmarks one after the other and writes bench/results/latest.md: the headline figures of each (taken
# from its own result file, which it writes as usual) with links to them, and the date, machine, load average and
# commit of the run.
# Usage: bench/all.sh
#   QA_BENCH_ONLY="page-baseline question-page ..."  runs only these (default: all, in this order:
#                  page-baseline question-page compression stats-explain search fill-db events answer-post live
#                  notifications memory start warm-up)
#   QA_BENCH_QUICK=1  a shorter pass: fewer and shorter runs, smaller sizes; the figures are rougher
# A full pass takes about 50 minutes on 2 CPUs (the sum of the scripts' own times in bench/README.md), plus builds
# and the fill of qa_explain when it is empty.
#
# A script that fails does not stop the others: its log is kept in bench/results/logs/ and latest.md says it failed.
# Scripts not run in this pass are listed with the date of the figures their result file holds. Each script starts
# and stops what it needs (see bench/README.md); the slowest are live.sh (10 to 15 minutes with 10,000 viewers) and fill-db.sh (4 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/all.sh (settings through QA_BENCH_ONLY and QA_BENCH_QUICK)" >&2; exit 2; }

ALL=(page-baseline question-page compression stats-explain search fill-db events answer-post live notifications
  memory start warm-up)
read -r -a ONLY <<< "${QA_BENCH_ONLY:-${ALL[*]}}"
for name in "${ONLY[@]}"; do
  [[ " ${ALL[*]} " == *" $name "* ]] || { echo "unknown benchmark: $name (known: ${ALL[*]})" >&2; exit 2; }
done
QUICK="${QA_BENCH_QUICK:-}"
OUT=bench/results/latest.md
LOGS=bench/results/logs
mkdir -p "$LOGS"

BENCH_NAME=all
log() { printf '\033[1m[%s]\033[0m %s\n' "$BENCH_NAME" "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The command of each benchmark, with the quick pass' settings.
command_of() {
  case "$1" in
    page-baseline)
      # The first warm-up stays whole: with 20 s the site's JIT compiler had not settled (16 % instead of 40 %).
      if [ -n "$QUICK" ]; then echo "env QA_PAGE_BASELINE_ROUNDS=1 QA_PAGE_BASELINE_DURATION=10 QA_PAGE_BASELINE_WARM_UP=5 bench/page-baseline.sh"
      else echo "bench/page-baseline.sh"; fi ;;
    question-page)
      if [ -n "$QUICK" ]; then echo "env QA_PAGE_DURATION=10 QA_PAGE_WARM_UP=5 bench/question-page.sh"
      else echo "bench/question-page.sh"; fi ;;
    compression)
      if [ -n "$QUICK" ]; then echo "env QA_COMPRESSION_BENCH_ROUNDS=1 QA_COMPRESSION_BENCH_DURATION=10 QA_COMPRESSION_BENCH_FIRST_WARM_UP=30 bench/compression.sh"
      else echo "bench/compression.sh"; fi ;;
    stats-explain) echo "bench/stats-explain.sh" ;;
    search)
      if [ -n "$QUICK" ]; then echo "env QA_SEARCH_REQUESTS=50 QA_SEARCH_WARM_UP=10 bench/search.sh"
      else echo "bench/search.sh"; fi ;;
    fill-db)
      if [ -n "$QUICK" ]; then echo "bench/fill-db.sh 1000"; else echo "bench/fill-db.sh"; fi ;;
    events)
      if [ -n "$QUICK" ]; then echo "bench/events.sh 20000"; else echo "bench/events.sh"; fi ;;
    answer-post)
      if [ -n "$QUICK" ]; then echo "env QA_ANSWER_POST_WARM_UP=300 bench/answer-post.sh 20 10"; else echo "bench/answer-post.sh"; fi ;;
    live)
      if [ -n "$QUICK" ]; then echo "env QA_LIVE_DURATION=10 QA_LIVE_WARM_UP=10 bench/live.sh 100 1000"
      else echo "bench/live.sh"; fi ;;
    notifications)
      if [ -n "$QUICK" ]; then echo "env QA_NOTIFY_ROUNDS=1 QA_NOTIFY_ANSWERS=10 bench/notifications.sh"
      else echo "bench/notifications.sh"; fi ;;
    memory)
      if [ -n "$QUICK" ]; then echo "env QA_MEMORY_ROUNDS=1 QA_MEMORY_DURATION=10 QA_MEMORY_FIRST_WARM_UP=10 QA_MEMORY_WARM_UP=5 QA_MEMORY_SETTLE=10 bench/memory.sh"
      else echo "bench/memory.sh"; fi ;;
    start)
      if [ -n "$QUICK" ]; then echo "env QA_START_RUNS=2 bench/start.sh"; else echo "bench/start.sh"; fi ;;
    warm-up)
      if [ -n "$QUICK" ]; then echo "env QA_WARM_UP_DURATION=60 bench/warm-up.sh"; else echo "bench/warm-up.sh"; fi ;;
  esac
}

# The headline of a result file: its bold lines and its first table (stats-explain: the timings, its second table;
# search: the common words and the full page only).
headline() { # $1: benchmark, $2: result file
  awk -v name="$1" -v wanted="$([ "$1" = stats-explain ] && echo 2 || echo 1)" '
    /^\*\*/ { print; print ""; next }
    /^\|/ {
      if (!in_table) { in_table = 1; tables++; row = 0 }
      if (tables != wanted) next
      row++
      if (name == "search" && row > 2 && $0 !~ /common word|full search page/) next
      print; next
    }
    in_table { in_table = 0; if (tables == wanted) print "" }' "$2"
}

START="$(date -u '+%Y-%m-%d %H:%M UTC')"
START_EPOCH="$(date +%s)"
LOAD_START="$(loadavg)"
COMMIT="$(git log -1 --format='%h %s')"
# Result files written by earlier passes do not count as changes.
git diff --quiet HEAD -- src pom.xml bench ':!bench/results' || COMMIT="$COMMIT (with uncommitted changes)"
declare -A STATUS SECONDS_TAKEN LOAD_BEFORE
for name in "${ONLY[@]}"; do
  cmd="$(command_of "$name")"
  LOAD_BEFORE[$name]="$(loadavg)"
  log "$name: $cmd (load ${LOAD_BEFORE[$name]})"
  t0="$(date +%s)"
  # shellcheck disable=SC2086 # the command is words on purpose
  if $cmd > "$LOGS/$name.log" 2>&1; then STATUS[$name]=ok; else STATUS[$name]="failed (status $?)"; fi
  SECONDS_TAKEN[$name]=$(($(date +%s) - t0))
  log "$name: ${STATUS[$name]} after ${SECONDS_TAKEN[$name]} s (log: $LOGS/$name.log)"
done
LOAD_END="$(loadavg)"

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
{
  echo "# Benchmarks: latest pass"
  echo
  echo "- Date: $START, $(( ($(date +%s) - START_EPOCH + 30) / 60 )) minutes$([ -n "$QUICK" ] && echo ', quick pass (QA_BENCH_QUICK=1: shorter and fewer runs, rougher figures)')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory; load average (1, 5, 15 min) at the start $LOAD_START, at the end $LOAD_END"
  echo "- Commit: $COMMIT"
  echo "- Run with \`$( [ -n "${QA_BENCH_ONLY:-}" ] && printf 'QA_BENCH_ONLY="%s" ' "${ONLY[*]}")$( [ -n "$QUICK" ] && printf 'QA_BENCH_QUICK=1 ')bench/all.sh\`"
  echo
  echo "| benchmark | this pass | seconds | load average before | results |"
  echo "|---|---|---:|---|---|"
  for name in "${ALL[@]}"; do
    file="bench/results/$name.md"
    if [ -n "${STATUS[$name]:-}" ]; then
      echo "| \`$name.sh\` | ${STATUS[$name]} | ${SECONDS_TAKEN[$name]} | ${LOAD_BEFORE[$name]} | [$name.md]($name.md) |"
    elif [ -f "$file" ]; then
      echo "| \`$name.sh\` | not run (figures of $(awk '/^- Date:/ { sub(/^- Date: /, ""); print; exit }' "$file")) | | | [$name.md]($name.md) |"
    fi
  done
  for name in "${ALL[@]}"; do
    file="bench/results/$name.md"
    [ -f "$file" ] || continue
    echo
    echo "## [$name]($name.md)"
    echo
    if [ -n "${STATUS[$name]:-}" ] && [ "${STATUS[$name]}" != ok ]; then
      echo "This pass failed (log: \`$LOGS/$name.log\`); the figures below are the earlier ones of the result file."
      echo
    elif [ -z "${STATUS[$name]:-}" ]; then
      echo "Not run in this pass; the figures of $(awk '/^- Date:/ { sub(/^- Date: /, ""); print; exit }' "$file"):"
      echo
    fi
    headline "$name" "$file"
  done
} > "$OUT"
log "wrote $OUT"
for name in "${ONLY[@]}"; do [ "${STATUS[$name]}" = ok ] || exit 1; done
