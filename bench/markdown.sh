#!/usr/bin/env bash
# Times the Markdown preview (POST /api/v1/markdown/preview) of one instance of the site with the worst texts known,
# each at the 30,000-character limit, next to ordinary and legitimately expansive posts; writes bench/results/markdown.md.
# The preview runs the code a saved post runs (the same renderer, budget and sanitizer), so its time is a post's.
# Usage: bench/markdown.sh
#   QA_MARKDOWN_ROUNDS=<n>            measured requests per text (default 20), after 5 untimed ones (and 100 untimed
#                                     ordinary posts at each start of the site)
#   QA_BENCH_BASELINE=<git revision>  also measures the site as of that revision (exported with git archive and built
#                                     in a scratch directory), before this checkout's, for before/after figures
#   QA_MARKDOWN_SLOW_SECONDS=<s>      a text whose first answer takes longer than this (default 5) gets that one
#                                     request only, not the rounds (the baseline's quadratic and padded texts)
#
# The site runs from the packaged jar on 127.0.0.1:8890 against the database qa_bench (created when missing; the
# preview reads nothing from it) and the Redis databases 13-15 (flushed at the start and at the end), its mailer
# pointed at a port where nothing listens and its preview rate limits raised out of the way, its management interface
# on 127.0.0.1:8892 (common.sh's start_app_jar, which also finds the readiness of a baseline from before that
# interface); it is stopped by its PID when the script ends, also on failure or Ctrl+C.
#
# Each request is one curl process (a new connection, as an editor's request mostly is). The time is curl's total
# time of the request on loopback: connecting, sending the text (up to 90 KB of JSON), the site's work and receiving
# the answer (up to 300 KB of HTML in JSON) — on loopback all but the site's work take about a millisecond. (curl's
# time to the first byte would be closer to the site's own time, but for an upload that large curl takes it when the
# upload starts.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/markdown.sh (settings through QA_MARKDOWN_* and QA_BENCH_BASELINE)" >&2; exit 2; }

ROUNDS="${QA_MARKDOWN_ROUNDS:-20}"
WARM_UP=5
SLOW_SECONDS="${QA_MARKDOWN_SLOW_SECONDS:-5}"
for v in "$ROUNDS" "$SLOW_SECONDS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_MARKDOWN_* settings must be positive integers" >&2; exit 2; }
done

DB=qa_bench
BENCH_NAME=markdown
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8890 8891 8892 # the site, its mailer (nothing may listen there), its management interface

LIMIT=30000

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
flush_redis

# --- the texts ------------------------------------------------------------------
# Each text is $WORK/texts/<n>.json, {"text": ...}, made with jq (whose lengths count characters, as the site does);
# NAMES[n] says what it is.
mkdir "$WORK/texts"
NAMES=()
# $1 name; the text: $2, then $3 repeated as often as the text stays within $5 characters, then $4
add_text() {
  local n="${#NAMES[@]}"
  NAMES+=("$1")
  jq -n --arg start "$2" --arg unit "$3" --arg last "$4" --argjson max "$5" \
    '(($max - ($start | length) - ($last | length)) / ($unit | length) | floor) as $k
      | { text: ($start + ($unit * $k) + $last) }' > "$WORK/texts/$n.json"
}
header() { # a table header of $1 one-letter columns and its delimiter row
  printf '|a%.0s' $(seq 1 "$1"); printf '|\n'; printf '|-%.0s' $(seq 1 "$1"); printf '|\n'
}
add_text "an ordinary post" "" $'Some **bold** text, `code`, a [link](https://example.org) and a list:\n\n- one\n- two\n\n' "" 1200
add_text "code block full of < and &" $'```\n' '<&' $'\n```' "$LIMIT"
add_text "list of links" "" $'- https://example.org/questions/12345\n' "" "$LIMIT"
add_text '"<\n" x 15,000 (issue 447)' "" $'<\n' "" "$LIMIT"
add_text '"‹" x 30,000' "" '‹' "" "$LIMIT"
add_text '"<a" x 15,000' "" '<a' "" "$LIMIT"
add_text '"x <!--" x 5,000' "" 'x <!--' "" "$LIMIT"
add_text "table of issue 14: 2,000 columns, 2,000 lines" "$(header 2000)"$'\n' $'a\n' "" 12002
TABLE_AT_LIMIT="${#NAMES[@]}" # the texts from here on are not sent to the baseline (see the notes of the report)
add_text "table of 2,000 columns, 10,998 lines" "$(header 2000)"$'\n' $'a\n' "" "$LIMIT"
add_text "table of 50 columns, 14,899 lines" "$(header 50)"$'\n' $'a\n' "" "$LIMIT"
add_text "the same table in a quote" "> $(header 50 | head -n1)"$'\n'"> $(header 50 | tail -n1)"$'\n' $'a\n' "" "$LIMIT"

# --- the builds -----------------------------------------------------------------
build_site
LABELS=(); JARS=()
build_baseline
LABELS+=("$BUILD"); JARS+=("$JAR")

# One preview of text $1: "status bytes seconds" (status 000 when no answer came within 120 s).
preview() {
  curl -sS --max-time 120 -o /dev/null -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H 'Expect:' --data-binary "@$WORK/texts/$1.json" -w '%{http_code} %{size_download} %{time_total}\n' \
    "$BASE_URL/api/v1/markdown/preview" 2> /dev/null || echo "000 0 120"
}

# p50 (nearest rank) and max, in ms, of the seconds on stdin.
p50_max() {
  sort -g | awk '{ v[NR] = $1 * 1000 } END { k = int(0.5 * NR); if (k < 0.5 * NR) k++; if (k < 1) k = 1
    printf "%.1f %.1f\n", v[k], v[NR] }'
}

declare -A RESULT # "<build index>,<text index>" -> "status bytes p50 max rounds"
LOAD_BEFORE="$(loadavg)"
for b in "${!JARS[@]}"; do
  flush_redis
  log "starting the site (${LABELS[$b]}) on $BASE_URL"
  start_app_jar "${JARS[$b]}" QA_LOG_JSON=false \
    QA_RATE_LIMIT_PREVIEW_LIMIT=1000000 QA_RATE_LIMIT_PREVIEW_ADDRESS_LIMIT=1000000
  for _ in $(seq 1 100); do preview 0 > /dev/null; done # the JIT compiler's first pass over the common path
  for n in "${!NAMES[@]}"; do
    if [ "$b" -lt "$((${#JARS[@]} - 1))" ] && [ "$n" -ge "$TABLE_AT_LIMIT" ]; then
      RESULT["$b,$n"]="- - - - 0" # 22 million cells: the baseline's 12 KB table (4 million) says enough
      continue
    fi
    read -r status bytes first <<< "$(preview "$n")"
    if awk -v t="$first" -v s="$SLOW_SECONDS" 'BEGIN { exit !(t > s) }'; then
      ms="$(awk -v t="$first" 'BEGIN { printf "%.0f", t * 1000 }')"
      RESULT["$b,$n"]="$status $bytes $ms $ms 1"
    else
      for _ in $(seq 2 "$WARM_UP"); do preview "$n" > /dev/null; done
      : > "$WORK/times"
      for _ in $(seq 1 "$ROUNDS"); do
        read -r status bytes first <<< "$(preview "$n")"
        echo "$first" >> "$WORK/times"
      done
      RESULT["$b,$n"]="$status $bytes $(p50_max < "$WORK/times") $ROUNDS"
    fi
    read -r status bytes p50 max rounds <<< "${RESULT["$b,$n"]}"
    log "${LABELS[$b]}: ${NAMES[$n]}: $status, $bytes bytes, p50 $p50 ms, max $max ms ($rounds)"
  done
  stop_app
done
LOAD_AFTER="$(loadavg)"

# --- the report -----------------------------------------------------------------
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
commonmark_of() { # the commonmark-java version a build's pom names
  local pom="$1"
  sed -n 's:.*<commonmark.version>\(.*\)</commonmark.version>.*:\1:p' "$pom"
}
TABLE="$WORK/table.md"
{
  head="| text | characters |"; rule="|---|---:|"
  for b in "${!LABELS[@]}"; do
    head="$head ${LABELS[$b]}: status | bytes | p50 ms | max ms |"; rule="$rule---:|---:|---:|---:|"
  done
  echo "$head"; echo "$rule"
  for n in "${!NAMES[@]}"; do
    line="| ${NAMES[$n]} | $(thousands "$(jq '.text | length' "$WORK/texts/$n.json")") |"
    for b in "${!LABELS[@]}"; do
      read -r status bytes p50 max rounds <<< "${RESULT["$b,$n"]}"
      if [ "$rounds" = 0 ]; then line="$line not sent | | | |"; continue; fi
      [ "$rounds" != 1 ] || max="(1 request)"
      line="$line $status | $(thousands "$bytes") | $p50 | $max |"
    done
    echo "$line"
  done
} > "$TABLE"
{
  echo "# Markdown preview: the worst texts known, at the size limit"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory"
  echo "- Load average (1, 5, 15 min) before the first start: $LOAD_BEFORE; after the last text: $LOAD_AFTER"
  echo "- $JAVA_VERSION; one instance of the site at a time (\`java @src/main/jvm/jvm.options -jar\`, with the AOT cache when fresh) on 127.0.0.1:$PORT"
  if [ "${#LABELS[@]}" -gt 1 ]; then
    echo "- Builds: ${LABELS[0]} (commonmark-java $(commonmark_of "$WORK/baseline/pom.xml"), the baseline) and ${LABELS[1]}"
    echo "  (commonmark-java $(commonmark_of pom.xml), this checkout)"
  else
    echo "- Build: ${LABELS[0]} (commonmark-java $(commonmark_of pom.xml))"
  fi
  echo "- After each start, 100 untimed previews of the ordinary post; then per text $WARM_UP untimed and $ROUNDS"
  echo "  measured requests (a text whose first answer took more than $SLOW_SECONDS s got that request only)"
  echo
  cat "$TABLE"
  echo
  echo "- **status**: 200 with the HTML, or 400 \`{\"error\": ...}\` when the text is over its budget (the message"
  echo "  says which part: table columns, table cells, HTML size); **bytes**: the size of the JSON answer."
  echo "- **p50 / max ms**: curl's total time of each request, one curl process each, on loopback: the site's work"
  echo "  plus about a millisecond to connect, send the text and receive the answer (the baseline's 36 MB answer took"
  echo "  longer to receive). The goal is 100 ms at most for every text."
  echo "- The baseline is not sent the texts of 30,000 characters with a table: a 2,000-column header over 10,998"
  echo "  lines would be 22 million cells, which it would build in full before rendering; the 12 KB table of the"
  echo "  issue (4 million cells) shows how that goes."
  echo "- Every text is sent as \`{\"text\": ...}\` to \`POST /api/v1/markdown/preview\` as a visitor; the preview's"
  echo "  rate limits are raised for the run (\`QA_RATE_LIMIT_PREVIEW_LIMIT\`, \`..._ADDRESS_LIMIT\`)."
  echo
  echo "Reproduce with \`bench/markdown.sh\` (\`QA_BENCH_BASELINE=<revision>\` for the before/after columns)."
} > "$OUT"
cat "$TABLE"
log "written to $OUT"
