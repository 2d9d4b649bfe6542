#!/usr/bin/env bash
# What compressing the question page costs: its requests/s under wrk with no Accept-Encoding, with gzip and with br
# (brotli), at several compression levels, and the bytes of the page in each; writes bench/results/compression.md.
# Usage: bench/compression.sh        (settings through QA_COMPRESSION_BENCH_* variables)
#   QA_COMPRESSION_BENCH_LEVELS     the level pairs measured, "brotli:gzip" each, one start of the site per pair
#                                   (default "4:4 2:3 1:1"; the site's levels are QA_COMPRESSION_BROTLI_LEVEL and
#                                   QA_COMPRESSION_GZIP_LEVEL)
#   QA_COMPRESSION_BENCH_DB         the database (default qa_explain, filled with `bin/fill-db $QA_COMPRESSION_BENCH_N`
#                                   when it has no demo data; default N 10000)
#   QA_COMPRESSION_BENCH_FIRST_WARM_UP  seconds of load after each start before the first run, not reported (default 45)
#   QA_COMPRESSION_BENCH_WARM_UP    seconds of warm-up before each measured run (default 5)
#   QA_COMPRESSION_BENCH_DURATION   seconds of each measured run (default 15)
#   QA_COMPRESSION_BENCH_ROUNDS     rounds of the three runs (none, gzip, br) per level pair (default 2)
#   QA_COMPRESSION_BENCH_THREADS, QA_COMPRESSION_BENCH_CONNECTIONS  wrk -t and -c (default 2 and 16)
#
# The site: the packaged jar on 127.0.0.1:8590 (management 8593; its mailer pointed at 8591, where nothing listens),
# anonymous, the first page of the question with at least 10 answers that has the lowest id. Within each start the
# three runs alternate (none, gzip, br, none, ...) so that the machine's other work falls on all three alike; the cost
# of a coding is its requests/s against those without compression from the same start and the same client (wrk sends
# no Accept-Encoding unless told). Next to it, the site's own CPU time a request (user and system time of its process
# over the measured run, from /proc, divided by the requests wrk counted): on a machine shared with other work the
# requests/s move with what else runs, the CPU a request costs much less. And the CPU of compressing the page once at
# brotli 1-5 and gzip 1-5 in one thread (bench/compression/Levels.java, with the site's brotli4j), which other work
# on the machine hardly moves.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/compression.sh (settings through QA_COMPRESSION_BENCH_* variables)" >&2; exit 2; }

DB="${QA_COMPRESSION_BENCH_DB:-qa_explain}"
N="${QA_COMPRESSION_BENCH_N:-10000}"
read -r -a LEVELS <<< "${QA_COMPRESSION_BENCH_LEVELS:-4:4 2:3 1:1}"
FIRST_WARM_UP="${QA_COMPRESSION_BENCH_FIRST_WARM_UP:-45}"
WARM_UP="${QA_COMPRESSION_BENCH_WARM_UP:-5}"
DURATION="${QA_COMPRESSION_BENCH_DURATION:-15}"
ROUNDS="${QA_COMPRESSION_BENCH_ROUNDS:-2}"
THREADS="${QA_COMPRESSION_BENCH_THREADS:-2}"
CONNECTIONS="${QA_COMPRESSION_BENCH_CONNECTIONS:-16}"
for v in "$N" "$FIRST_WARM_UP" "$WARM_UP" "$DURATION" "$ROUNDS" "$THREADS" "$CONNECTIONS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_COMPRESSION_BENCH_* settings must be positive integers" >&2; exit 2; }
done
for pair in "${LEVELS[@]}"; do
  [[ "$pair" =~ ^([0-9]|1[01]):[1-9]$ ]] || { echo "QA_COMPRESSION_BENCH_LEVELS: brotli:gzip pairs, 0-11 and 1-9" >&2; exit 2; }
done

BENCH_NAME=compression
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8590 8591 8593 # the site, its mailer (nothing may listen there), its management interface

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
flush_redis
build_site
fill_demo_data
question_with_ten_answers

ENCODINGS=(none gzip br)
RESULTS=() # "pair round encoding rps p50 p99 errors bytes cpu load"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"
LOAD_START="$(loadavg)"
for pair in "${LEVELS[@]}"; do
  brotli="${pair%%:*}"; gzip="${pair##*:}"
  log "starting the site with brotli $brotli, gzip $gzip on $BASE_URL"
  start_app_jar "$JAR" QA_LOG_JSON=false QA_COMPRESSION_BROTLI_LEVEL="$brotli" QA_COMPRESSION_GZIP_LEVEL="$gzip"
  canonical_page # the page's own address (/questions/{id} redirects to the one with the title's words)
  URL="$BASE_URL$PAGE"
  declare -A BYTES=()
  for encoding in "${ENCODINGS[@]}"; do
    header=()
    [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
    BYTES[$encoding]="$(curl -sS -o /dev/null -w '%{size_download}' "${header[@]}" "$URL")"
  done
  [ -f "$WORK/page.html" ] || curl -sS -o "$WORK/page.html" "$URL"
  log "first warm-up, $FIRST_WARM_UP s, the three alternately (load $(loadavg))"
  for encoding in "${ENCODINGS[@]}"; do
    header=()
    [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((FIRST_WARM_UP / 3 + 1))s" --timeout 10s "${header[@]}" "$URL" > /dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for encoding in "${ENCODINGS[@]}"; do
      header=()
      [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
      load="$(loadavg)"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP}s" --timeout 10s "${header[@]}" "$URL" > /dev/null
      out="$WORK/wrk-$pair-$round-$encoding.txt"
      ticks="$(cpu_ticks)"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "${header[@]}" "$URL" > "$out"
      ticks=$(($(cpu_ticks) - ticks))
      requests="$(awk '/ requests in / { print $1 }' "$out")"
      cpu="$(awk -v t="$ticks" -v hz="$TICKS_PER_SECOND" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
      rps="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")"
      [ -n "$rps" ] || { cat "$out" >&2; log "wrk's output was not understood"; exit 1; }
      p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
      p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
      errors="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) e += $i }
        END { print e + 0 }' "$out")"
      log "brotli $brotli, gzip $gzip, round $round, $encoding: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors, $cpu ms CPU a request (load $load)"
      RESULTS+=("$pair $round $encoding $rps $p50 $p99 $errors ${BYTES[$encoding]} $cpu ${load// /,}")
    done
  done
  stop_app
done
LOAD_END="$(loadavg)"
log "compressing the page once at each level (one thread)"
BROTLI_JARS="$(find "$(dirname "$JAR")/lib/main" -name '*brotli4j*.jar' | tr '\n' ':')"
LEVEL_ROWS="$("$JAVA_HOME/bin/java" -cp "$BROTLI_JARS" bench/compression/Levels.java "$WORK/page.html" 2> /dev/null)"

# --- the report ----------------------------------------------------------------------------------------------------------
# Per pair and coding: the mean requests/s of the rounds, the median p50/p99; the cost against "none" of the same pair.
summary() { # $1: pair, $2: encoding -> "rps p50 p99 errors bytes cpu"
  printf '%s\n' "${RESULTS[@]}" | awk -v pair="$1" -v enc="$2" '$1 == pair && $3 == enc { n++; rps += $4; p50[n] = $5; p99[n] = $6; err += $7; bytes = $8; cpu += $9 }
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%.1f %.1f %.1f %d %d %.3f\n", rps / n, median(p50, n), median(p99, n), err, bytes, cpu / n }'
}
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "# Compression of the question page: requests/s and bytes by coding and level"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), shared with other work; load average (1, 5, 15 min) at the start: $LOAD_START;"
  echo "  at the end: $LOAD_END (before each run: in the second table)"
  echo "- The site: \`java @src/main/jvm/jvm.options -jar $JAR\` (with the AOT cache when fresh, built from $BUILD) on 127.0.0.1:$PORT, $JAVA_VERSION"
  echo "- Page: \`$PAGE\` ($QUESTION_ANSWERS answers, the first 10 shown), anonymous; database \`$DB\`"
  echo
  echo "| brotli level | gzip level | Accept-Encoding | bytes a page | requests/s (mean of $ROUNDS) | against none | site CPU ms a request | against none | p50 ms | p99 ms | errors |"
  echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for pair in "${LEVELS[@]}"; do
    read -r none_rps _ _ _ _ none_cpu <<< "$(summary "$pair" none)"
    for encoding in "${ENCODINGS[@]}"; do
      read -r rps p50 p99 errors bytes cpu <<< "$(summary "$pair" "$encoding")"
      cost="$(awk -v a="$rps" -v b="$none_rps" 'BEGIN { printf "%+.0f %%", (a - b) * 100 / b }')"
      cpu_cost="$(awk -v a="$cpu" -v b="$none_cpu" 'BEGIN { printf "%+.0f %%", (a - b) * 100 / b }')"
      echo "| ${pair%%:*} | ${pair##*:} | $encoding | $(thousands "$bytes") | $(thousands "${rps%.*}").${rps#*.} | $cost | $cpu | $cpu_cost | $p50 | $p99 | $errors |"
    done
  done
  echo
  echo "Each level pair is one start of the site (\`QA_COMPRESSION_BROTLI_LEVEL\`, \`QA_COMPRESSION_GZIP_LEVEL\`), ${FIRST_WARM_UP} s"
  echo "of load after it (the three codings in turn, not reported), then $ROUNDS rounds of \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency\`"
  echo "after ${WARM_UP} s of warm-up with the same load, with no \`Accept-Encoding\`, then \`gzip\`, then \`br\`. \"against none\": the"
  echo "requests/s against those without compression from the same start. Site CPU: the user and system time of the site's"
  echo "process over the measured run (/proc), divided by its requests (the mean of the rounds). wrk, PostgreSQL, Redis and"
  echo "the site share the CPUs."
  echo
  echo "| brotli:gzip | round | Accept-Encoding | requests/s | site CPU ms a request | p50 ms | p99 ms | errors | load average before |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    read -r pair round encoding rps p50 p99 errors _ cpu load <<< "$row"
    echo "| $pair | $round | $encoding | $(thousands "${rps%.*}").${rps#*.} | $cpu | $p50 | $p99 | $errors | ${load//,/ } |"
  done
  echo
  echo "Compressing the page ($(thousands "$(stat -c %s "$WORK/page.html")") bytes) once, in one thread: the thread's CPU time, the best of 5"
  echo "rounds of 300 after 300 of warm-up (\`bench/compression/Levels.java\`, brotli4j from the site's jar, the JDK's zlib):"
  echo
  echo "| level | brotli bytes | brotli CPU ms | gzip bytes | gzip CPU ms |"
  echo "|---:|---:|---:|---:|---:|"
  echo "$LEVEL_ROWS"
  echo
  echo "Reproduce with \`bench/compression.sh\` (\`QA_COMPRESSION_BENCH_*\` change the levels and the runs)."
} > "$OUT"
cat "$OUT"
