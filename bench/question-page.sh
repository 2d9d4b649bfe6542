#!/usr/bin/env bash
# Throughput of one question page (10 answers shown) with the right column from a warm cache, against the same site
# computing both widgets from the database on every request, and writes bench/results/question-page.md.
# Usage: bench/question-page.sh
#   QA_PAGE_DB          the database (default qa_explain): used as it is when it has demo data, else created (when
#                       missing) and filled with `bin/fill-db $QA_PAGE_N`
#   QA_PAGE_N           size of the demo data when the script fills the database (default 10000: 100,000 questions,
#                       1,000,000 answers)
#   QA_PAGE_DURATION    seconds of each measured wrk run (default 20), after a warm-up of QA_PAGE_WARM_UP (default 15)
#   QA_PAGE_THREADS, QA_PAGE_CONNECTIONS  wrk -t and -c (default 2 and 16)
#
# The site runs from the packaged jar on 127.0.0.1:8590 (its management interface, where the metrics are, on 8593),
# twice, with the same build and the same database:
#   1. warm cache: the site as it is (QA_STATS_CACHE_ENABLED=true, the default): the widgets come from Redis;
#   2. per request: QA_STATS_CACHE_ENABLED=false: every page computes popular tags and best members from PostgreSQL
#      (no Redis read or write for them).
# In both, the question pages kept for visitors are off (QA_VISITOR_PAGE_CACHE=0): every request renders its page, as a
# member's does, so that the widgets' cost is in each one. In both, the question page records a view: one SET NX in Redis per request (the dedup key of the visitor, which wrk
# always is the same one, so only the first request counts).
#
# The database is started at Flyway's out-of-order mode (QUARKUS_FLYWAY_OUT_OF_ORDER=true): a database filled before a
# migration with a lower version was added (qa_explain was filled at V4 without V3) gets the missing one applied, as
# the site would refuse to start otherwise. That is fine for a bench database, not for production.
# Redis databases 13 (streams), 14 (cache) and 15 (locks) are flushed at the start, before each configuration and at
# the end. PostgreSQL, Redis and maildev are left running (bin/services starts them when they are not).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/question-page.sh (settings through QA_PAGE_* variables)" >&2; exit 2; }

DB="${QA_PAGE_DB:-qa_explain}"
N="${QA_PAGE_N:-10000}"
DURATION="${QA_PAGE_DURATION:-20}"
WARM_UP="${QA_PAGE_WARM_UP:-15}"
THREADS="${QA_PAGE_THREADS:-2}"
CONNECTIONS="${QA_PAGE_CONNECTIONS:-16}"
for v in "$N" "$DURATION" "$WARM_UP" "$THREADS" "$CONNECTIONS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_PAGE_* settings must be positive integers" >&2; exit 2; }
done

BENCH_NAME=question-page
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8590 8591 8593 # the site, its mailer (nothing may listen there), its management interface

export QUARKUS_FLYWAY_OUT_OF_ORDER=true # for bin/fill-db and the site

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
flush_redis

# --- the build and the data ---------------------------------------------------
build_site

fill_demo_data

question_with_ten_answers
URL="$BASE_URL$PAGE"

# --- the site -----------------------------------------------------------------
start_app() { # $1: true (warm cache) or false (widgets per request)
  READY_SECONDS=120 start_app_jar "$JAR" QA_STATS_CACHE_ENABLED="$1" QA_VISITOR_PAGE_CACHE=0
}

# Widgets computed from the database so far (both widgets together), from /q/metrics.
computed() {
  curl -fsS --max-time 5 "$OPS_URL/q/metrics" | awk '/^qa_stats_computed_total\{/ { s += $NF } END { printf "%d\n", s }'
}
# Redis commands on the cache database per page: MONITOR while 5 pages are requested one after the other; prints
# "commands-per-page command,command,..." (the commands of one page). The background jobs use the other databases.
cache_commands() {
  local mon="$WORK/monitor.txt" pid
  "${REDIS[@]}" MONITOR > "$mon" &
  pid=$!
  sleep 0.5
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null --max-time 30 "$URL"; done
  sleep 0.5
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  awk -v db="[$CACHE_DB" '$2 == db { n++; c = $4; gsub(/"/, "", c); cmds[n] = toupper(c) }
    END { s = ""; for (i = 1; i <= n / 5; i++) s = s (i > 1 ? "," : "") cmds[i]; printf "%.1f %s\n", n / 5, (s == "" ? "-" : s) }' "$mon"
}

WRK_CMD=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$URL")
WRK_WARM_UP=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_UP}s" --timeout 10s "$URL")

RESULTS=() # "label rps p50 p99 requests errors computed/request cache-commands/page cache-command-names"
LOADS=()
for enabled in true false; do
  if [ "$enabled" = true ]; then label=warm; else label=per-request; fi
  flush_redis
  LOADS+=("$label: $(loadavg)")
  log "$label: starting the site on $BASE_URL (QA_STATS_CACHE_ENABLED=$enabled)"
  start_app "$enabled"
  canonical_page # the question's own address, with its slug (/questions/{id} answers with a redirect)
  URL="$BASE_URL$PAGE"
  code="$(curl -sS -o "$WORK/page.html" -w '%{http_code}' --max-time 30 "$URL")"
  [ "$code" = 200 ] || { log "$PAGE answered $code"; exit 1; }
  PAGE_BYTES="$(stat -c %s "$WORK/page.html")"
  log "$label: warming up, ${WRK_WARM_UP[*]} (not reported)"
  "${WRK_WARM_UP[@]}" > "$WORK/warm-up.txt"
  computed_before="$(computed)"
  log "$label: ${WRK_CMD[*]}"
  "${WRK_CMD[@]}" > "$WORK/$label.txt"
  computed_after="$(computed)"
  read -r redis_per_request redis_names <<< "$(cache_commands)"
  cat "$WORK/$label.txt" >&2
  rps="$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$WORK/$label.txt")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$label.txt")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$label.txt")")"
  requests="$(awk '/ requests in / { print $1 }' "$WORK/$label.txt")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) e += $i }
    END { print e + 0 }' "$WORK/$label.txt")"
  [ -n "$rps" ] && [ -n "$requests" ] || { log "wrk's output was not understood"; exit 1; }
  per_request="$(awk -v a="$computed_before" -v b="$computed_after" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')"
  RESULTS+=("$label $rps $p50 $p99 $requests $errors $per_request $redis_per_request $redis_names")
  log "$label: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors, widgets computed per request $per_request"
  log "$label: stopping the site"
  stop_app
done
LOAD_AFTER="$(loadavg)"

# --- the report -----------------------------------------------------------------
read -r _ WARM_RPS _ <<< "${RESULTS[0]}"
read -r _ COLD_RPS _ <<< "${RESULTS[1]}"
RATIO="$(awk -v a="$WARM_RPS" -v b="$COLD_RPS" 'BEGIN { printf "%.1f", a / b }')"
QUESTIONS="$(sql -c "SELECT count(*) FROM question")"
ANSWERS="$(sql -c "SELECT count(*) FROM answer")"
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
WRK_VERSION="$( (wrk -v 2>&1 || true) | head -n1 | awk '{ print $1, $2 }')" # wrk -v exits with 1
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
{
  echo "# Question page: warm cache against widgets computed per request"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory"
  echo "- Load average (1, 5, 15 min) before each configuration: $(printf '%s; ' "${LOADS[@]}")at the end: $LOAD_AFTER"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION, $WRK_VERSION"
  echo "- One instance of the site (\`java @src/main/jvm/jvm.options -jar $JAR\`, with the AOT cache when fresh, built from $BUILD), on 127.0.0.1:$PORT"
  echo "- Data: database \`$DB\`, $(thousands "$QUESTIONS") questions, $(thousands "$ANSWERS") answers"
  if [ -n "$FILLED_NOW" ]; then echo "  (filled by this run with \`bin/fill-db $N\`)"; else echo "  (\`fill-db\` demo data, filled beforehand)"; fi
  if [ "${#MISSING[@]}" -gt 0 ]; then
    echo "- The database lacked $(printf '`%s` ' "${MISSING[@]}")which the site applied at its first start"
    echo "  (\`QUARKUS_FLYWAY_OUT_OF_ORDER=true\`, set by the script for its bench database)"
  fi
  echo "- Page: \`$PAGE\` ($QUESTION_ANSWERS answers, the first 10 shown; $(thousands "$PAGE_BYTES") bytes of HTML), anonymous"
  echo
  echo "| configuration | requests/s | p50 ms | p99 ms | requests | errors | widgets computed per request | Redis commands per page (cache database) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    read -r label rps p50 p99 requests errors per_request redis_per_request redis_names <<< "$row"
    if [ "$label" = warm ]; then name="warm cache (\`QA_STATS_CACHE_ENABLED=true\`, the default)"; else name="widgets per request (\`QA_STATS_CACHE_ENABLED=false\`)"; fi
    echo "| $name | $(thousands "${rps%.*}").${rps#*.} | $p50 | $p99 | $(thousands "$requests") | $errors | $per_request | $redis_per_request (${redis_names//,/, }) |"
  done
  echo
  echo "**Ratio warm cache ÷ widgets per request: $RATIO× the requests per second.**"
  echo
  echo "- Each configuration: a fresh start of the site (Redis databases 13–15 flushed), one request checked for"
  echo "  status 200, a ${WARM_UP} s warm-up with the same load (not reported), then the measured run:"
  echo
  echo '```'
  echo "${WRK_WARM_UP[*]}"
  echo "${WRK_CMD[*]}"
  echo '```'
  echo
  echo "- **widgets computed per request**: growth of \`qa_stats_computed_total\` (both widgets) on \`/q/metrics\`"
  echo "  during the measured run ÷ its requests: 2 when every page computes popular tags and best members from"
  echo "  PostgreSQL; about 0 with the warm cache (only a scheduled refresh, if one fell in the run)."
  echo "- **Redis commands per page**: commands on the cache database (\`redis-cli MONITOR\`) during 5 requests of the"
  echo "  page one after the other, after the measured run, ÷ 5. In both configurations the question page records a"
  echo "  view: a \`SET NX PX\` of the visitor's dedup key per request (wrk is always the same visitor, so only the"
  echo "  first request counts a view), a Redis round trip per page that the switch does not remove. The warm cache"
  echo "  adds a \`GET\` per widget. The background jobs (consumer groups, locks) use the other two databases."
  echo "- **errors**: non-2xx/3xx responses and socket errors (connect, read, write, timeout after 10 s) that wrk reported."
  echo "- Latencies are wrk's (\`--latency\`, uncorrected for coordinated omission), end to end on the loopback."
  echo "- The site, PostgreSQL, Redis and wrk share the machine's CPUs (with whatever else runs on it: see the"
  echo "  load average). The scheduled refresh keeps running in both configurations; with the cache switched off"
  echo "  it still fills Redis, which no page reads."
  echo
  echo "Reproduce with \`bench/question-page.sh\` (\`QA_PAGE_DURATION\`, \`QA_PAGE_CONNECTIONS\`, ... change the load)."
} > "$OUT"
cat "$OUT"
