#!/usr/bin/env bash
# What the main pages weigh: the bytes that come over the wire and the number of requests of each page loaded in
# headless Chromium with a cold cache (bench/weight.py), and the question page's requests/s under wrk when clients ask
# for no compression, gzip or brotli; writes bench/results/weight.md.
# Usage: bench/weight.sh
#   QA_WEIGHT_DB                     the database (default qa_weight): used as it is when it has demo data, else created
#                                    (when missing) and filled with `bin/fill-db $QA_WEIGHT_N`
#   QA_WEIGHT_N                      size of the demo data when the script fills the database (default 20, bin/run's)
#   QA_WEIGHT_DURATION               seconds of each measured wrk run (default 15), after QA_WEIGHT_WARM_UP (default 5);
#   QA_WEIGHT_ROUNDS                 rounds of the three runs (default 3), after QA_WEIGHT_FIRST_WARM_UP (default 30) s
#   QA_WEIGHT_THREADS, QA_WEIGHT_CONNECTIONS  wrk -t and -c (default 2 and 16)
#   QA_WEIGHT_SCREENSHOTS=<dir>      also keeps a screenshot of each page (1280×900) there
#   QA_BENCH_BASELINE=<git revision> also weighs the pages of the site as of that revision (exported with git archive
#                                    and built in a scratch directory), for before/after figures
#
# The site runs from the packaged jar on 127.0.0.1:8690 against the database and the Redis databases 13-15 (flushed at
# the start and at the end), its mailer pointed at 127.0.0.1:8691 where nothing may listen, its management interface on
# 127.0.0.1:8692; it is stopped by its PID when the script ends, also on failure or Ctrl+C. The member pages are loaded
# as demo-1, whom the script makes an administrator of that database (for /admin/streams).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/weight.sh (settings through QA_WEIGHT_* variables)" >&2; exit 2; }

DB="${QA_WEIGHT_DB:-qa_weight}"
N="${QA_WEIGHT_N:-20}"
DURATION="${QA_WEIGHT_DURATION:-15}"
WARM_UP="${QA_WEIGHT_WARM_UP:-5}"
FIRST_WARM_UP="${QA_WEIGHT_FIRST_WARM_UP:-30}"
ROUNDS="${QA_WEIGHT_ROUNDS:-3}"
THREADS="${QA_WEIGHT_THREADS:-2}"
CONNECTIONS="${QA_WEIGHT_CONNECTIONS:-16}"
for v in "$N" "$DURATION" "$WARM_UP" "$FIRST_WARM_UP" "$ROUNDS" "$THREADS" "$CONNECTIONS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_WEIGHT_* settings must be positive integers" >&2; exit 2; }
done
SCREENSHOTS="${QA_WEIGHT_SCREENSHOTS:-}"

BENCH_NAME=weight
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"
command -v chromium > /dev/null && command -v chromedriver > /dev/null \
  || { log "Chromium and ChromeDriver are needed: bin/services --browser installs them"; exit 1; }

site_ports 8690 8691 8692 # the site, its mailer (nothing may listen there), its management interface

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
flush_redis

LABELS=(); JARS=()
build_baseline
build_site
LABELS+=("$BUILD"); JARS+=("$JAR")

fill_demo_data
question_with_ten_answers
sql -c "UPDATE member SET role = 'admin' WHERE username = 'demo-1'" > /dev/null

VISITOR_PAGES=("home=/" "question=$PAGE" "login=/login" "tags=/tags" "users=/users")
MEMBER_PAGES=("ask=/ask" "settings=/settings" "notifications=/notifications" "admin-streams=/admin/streams")

# --- the pages, per build ----------------------------------------------------------------------------------------------
for b in "${!JARS[@]}"; do
  log "starting the site (${LABELS[$b]}) on $BASE_URL"
  start_app_jar "${JARS[$b]}" QA_LOG_JSON=false
  shots=()
  [ -z "$SCREENSHOTS" ] || shots=(--screenshots "$SCREENSHOTS/${LABELS[$b]}")
  log "${LABELS[$b]}: loading the pages in Chromium, cold cache"
  python3 bench/weight.py "$BASE_URL" "$WORK/pages-$b.json" "${shots[@]}" --login demo-1:demo-password \
    --visitor "${VISITOR_PAGES[@]}" --member "${MEMBER_PAGES[@]}"
  [ "$b" -eq "$((${#JARS[@]} - 1))" ] || stop_app
done

# --- the question page under load, this build ----------------------------------------------------------------------------
canonical_page # the page's own address (/questions/{id} redirects to the one with the title's words)
URL="$BASE_URL$PAGE"
ENCODINGS=(none gzip br)
declare -A BYTES
for encoding in "${ENCODINGS[@]}"; do
  header=()
  [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
  BYTES[$encoding]="$(curl -sS -o /dev/null -w '%{size_download}' "${header[@]}" "$URL")"
done
log "first warm-up, ${FIRST_WARM_UP} s, the three alternately (load $(loadavg))"
for encoding in "${ENCODINGS[@]}"; do
  header=()
  [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((FIRST_WARM_UP / 3))s" --timeout 10s "${header[@]}" "$URL" > /dev/null
done
LOAD=() # "round encoding rps p50 p99 errors load"
for round in $(seq 1 "$ROUNDS"); do
  for encoding in "${ENCODINGS[@]}"; do
    header=()
    [ "$encoding" = none ] || header=(-H "Accept-Encoding: $encoding")
    load="$(loadavg)"
    log "round $round, $encoding: warm-up ${WARM_UP} s, then wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (load $load)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP}s" --timeout 10s "${header[@]}" "$URL" > /dev/null
    out="$WORK/wrk-$round-$encoding.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "${header[@]}" "$URL" > "$out"
    rps="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) e += $i }
      END { print e + 0 }' "$out")"
    [ -n "$rps" ] || { cat "$out" >&2; log "wrk's output was not understood"; exit 1; }
    log "round $round, $encoding: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors"
    LOAD+=("$round $encoding $rps $p50 $p99 $errors ${load// /,}")
  done
done

# --- the report ------------------------------------------------------------------------------------------------------------
QUESTIONS="$(sql -c "SELECT count(*) FROM question")"
ANSWERS="$(sql -c "SELECT count(*) FROM answer")"
CHROMIUM_VERSION="$(chromium --version 2> /dev/null | head -n1)"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
WRK_VERSION="$( (wrk -v 2>&1 || true) | head -n1 | awk '{ print $1, $2 }')"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "# Page weight: bytes and requests of the main pages, and the cost of compressing"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), shared with other work; $JAVA_VERSION, $CHROMIUM_VERSION, $WRK_VERSION"
  echo "- Data: database \`$DB\`, $(thousands "$QUESTIONS") questions, $(thousands "$ANSWERS") answers (\`bin/fill-db\` demo data)"
  echo "- Pages: loaded one after the other in one headless Chromium (1280×900) with its cache turned off"
  echo "  (DevTools' \`Network.setCacheDisabled\`), as a visitor and then, from \`/ask\` on, logged in as \`demo-1\`."
  echo "  **bytes** is what came over the wire (Chromium's \`encodedDataLength\`: headers and the body as sent, compressed"
  echo "  or not), **requests** every HTTP request the page made until nothing was asked for half a second (the"
  echo "  WebSocket connections are not counted). Chromium asks for \`gzip, deflate, br, zstd\`."
  echo
  python3 - "$WORK" "${LABELS[@]}" << 'EOF'
import json, sys
work, labels = sys.argv[1], sys.argv[2:]
runs = [json.load(open(f"{work}/pages-{i}.json")) for i in range(len(labels))]
head = "| page | path |" + "".join(f" {label}: requests | {label}: bytes |" for label in labels)
print(head)
print("|---|---|" + "---:|---:|" * len(labels))
for i, page in enumerate(runs[-1]):
    row = f"| {page['name']} | `{page['path']}` |"
    for run in runs:
        p = run[i]
        row += f" {p['requests']} | {p['bytes']:,} |"
    print(row)
question = next(p for p in runs[-1] if p["name"] == "question")
print()
verdict = "within" if question["bytes"] <= 80 * 1024 else "over"
print(f"**The cold question page: {question['bytes']:,} bytes ({question['bytes'] / 1024:.1f} KiB) in {question['requests']}"
      f" requests, {verdict} the goal of 80 KiB.**")
print()
print(f"Its requests ({labels[-1]}):")
print()
print("| request | bytes |")
print("|---|---:|")
for item in sorted(question["items"], key=lambda item: -item["bytes"]):
    print(f"| `{item['url'][:90]}` | {item['bytes']:,} |")
EOF
  echo
  echo "## The question page under load, by the compression the client asks for"
  echo
  echo "One instance (${LABELS[-1]}), \`$(echo "$URL" | sed "s|^$BASE_URL||")\` ($QUESTION_ANSWERS answers, the first 10 shown), anonymous;"
  echo "\`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency\` after ${WARM_UP} s of warm-up with the same load, with no"
  echo "\`Accept-Encoding\` (the page as it is), then \`Accept-Encoding: gzip\`, then \`br\` (brotli). The site compresses pages"
  echo "at \`quarkus.http.compression-level\` (application.properties). wrk, PostgreSQL, Redis and the site share the $(nproc) CPUs."
  echo
  echo "| Accept-Encoding | bytes a page | requests/s (mean of $ROUNDS) | p50 ms (median) | p99 ms (median) | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  for encoding in "${ENCODINGS[@]}"; do
    read -r rps p50 p99 errors <<< "$(printf '%s\n' "${LOAD[@]}" | awk -v enc="$encoding" '$2 == enc { n++; rps += $3; p50[n] = $4; p99[n] = $5; err += $6 }
      function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      END { printf "%.1f %.1f %.1f %d\n", rps / n, median(p50, n), median(p99, n), err }')"
    echo "| $encoding | $(thousands "${BYTES[$encoding]}") | $(thousands "${rps%.*}").${rps#*.} | $p50 | $p99 | $errors |"
  done
  echo
  echo "Each round ran the three one after the other, the site up all along; before the first, ${FIRST_WARM_UP} s of warm-up"
  echo "(the JIT compiler's). Compare the rounds: where their spread is larger than the differences between the rows"
  echo "(see the load average: other work on the machine), that work decides the figures, not the compression. Every run:"
  echo
  echo "| round | Accept-Encoding | requests/s | p50 ms | p99 ms | errors | load average before |"
  echo "|---:|---|---:|---:|---:|---:|---|"
  for row in "${LOAD[@]}"; do
    read -r round encoding rps p50 p99 errors load <<< "$row"
    echo "| $round | $encoding | $(thousands "${rps%.*}").${rps#*.} | $p50 | $p99 | $errors | ${load//,/ } |"
  done
  echo
  echo "Reproduce with \`bench/weight.sh\` (\`QA_WEIGHT_*\` change the load and the data; \`QA_BENCH_BASELINE=<revision>\` adds"
  echo "an earlier build's pages)."
} > "$OUT"
cat "$OUT"
