#!/usr/bin/env bash
# Times the answer POST alone: one logged-in member posting answers through the JSON API
# (POST /api/v1/questions/{id}/answers) at a steady rate, and writes bench/results/answer-post.md.
# Usage: bench/answer-post.sh [RATE [SECONDS]]   (default: 20 answers a second for 30 s)
#   QA_BENCH_BASELINE=<git revision>  also measures the site as of that revision (as events.sh does), before this
#                                     checkout's
#   QA_ANSWER_POST_BASELINE_APP=<dir>  also measures the packaged site in that quarkus-app directory (e.g. a copy of an
#                                     earlier build's target/quarkus-app), named by the directory, before this checkout's
#   QA_ANSWER_POST_WARM_UP=<answers>  untimed answers first (default 600, at three times the rate)
#
# It uses the PostgreSQL database qa_bench (filled once with `fill-db`, ratio 200, as events.sh and live.sh do), Redis
# databases 13-15 (flushed at the start and at the end) and ports 9190 (the site), 9191 (its mailer: nothing may listen)
# and 9192 (its management interface). The site runs with the answer rate limit raised out of the way
# (QA_RATE_LIMIT_ANSWER_LIMIT). The client is one Python process on one kept-alive connection: it logs in as demo-1,
# then sends each answer at its planned time (to a question of the demo data, in turn) and records the time from
# sending the request to reading the whole response; a request that falls behind is sent at once, never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-20}"
SECONDS_MEASURED="${2:-30}"
[[ "$RATE" =~ ^[1-9][0-9]*$ && "$SECONDS_MEASURED" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/answer-post.sh [RATE [SECONDS]]" >&2; exit 2; }
WARM_UP="${QA_ANSWER_POST_WARM_UP:-600}"

DB=qa_bench
BENCH_NAME=answer-post
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"
site_ports 9190 9191 9192
RATIO="${QA_BENCH_RATIO:-200}"
POSTER=demo-1
POSTER_PASSWORD=demo-password # bin/fill-db's password for every demo member

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM
require_free_ports

build_site
LABELS=(); JARS=()
build_baseline
if [ -n "${QA_ANSWER_POST_BASELINE_APP:-}" ]; then
  LABELS+=("$(basename "$QA_ANSWER_POST_BASELINE_APP")"); JARS+=("$QA_ANSWER_POST_BASELINE_APP/quarkus-run.jar")
fi
LABELS+=("$BUILD"); JARS+=("$JAR")

log "demo data in $DB (ratio $RATIO, if empty)"
QA_DB_URL="$DB_URL" bin/fill-db "$RATIO" --if-empty > "$WORK/fill-db.log" 2>&1 || { cat "$WORK/fill-db.log" >&2; exit 1; }
QUESTIONS="$(sql -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM question WHERE deleted_at IS NULL ORDER BY id LIMIT 100) q")"

# The client: posts COUNT answers at RATE a second; prints one line per answer, "status milliseconds".
post_answers() {
  python3 - "$BASE_URL" "$POSTER" "$POSTER_PASSWORD" "$QUESTIONS" "$1" "$2" "$3" << 'EOF'
import http.client, json, sys, time, urllib.parse, uuid
base, user, password, questions, count, rate, label = sys.argv[1:8]
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
questions, count, rate = [int(q) for q in questions.split(",")], int(count), float(rate)
conn = http.client.HTTPConnection(host, port, timeout=30)
conn.request("POST", "/login", urllib.parse.urlencode({"username": user, "password": password}),
             {"Content-Type": "application/x-www-form-urlencoded"})
r = conn.getresponse(); r.read()
cookie = next((c.split(";", 1)[0] for k, c in r.getheaders() if k.lower() == "set-cookie" and c.startswith("qa-session=")), None)
if r.status // 100 != 3 or cookie is None:
    sys.exit(f"login as {user} failed: {r.status}")
run = uuid.uuid4().hex[:8]
start = time.perf_counter()
for k in range(count):
    due = start + k / rate
    now = time.perf_counter()
    if due > now:
        time.sleep(due - now)
    # Unique per run and answer (a member may not post the same text twice in an hour), a few lines of Markdown.
    body = json.dumps({"body": f"Answer-post bench {label} {run} #{k}.\n\nRun the query once with `EXPLAIN (ANALYZE, BUFFERS)` "
                       "and compare the estimated rows with the actual ones: when they differ by orders of magnitude, "
                       "the planner's statistics are stale.\n\n- check the index is used\n- check the sort happens in memory\n"})
    sent = time.perf_counter()
    conn.request("POST", f"/api/v1/questions/{questions[k % len(questions)]}/answers", body,
                 {"Content-Type": "application/json", "Accept": "application/json", "Cookie": cookie})
    r = conn.getresponse(); r.read()
    print(r.status, f"{(time.perf_counter() - sent) * 1000:.3f}")
EOF
}

# p50, p90, p99 and max of the milliseconds in file $1, and how many answers were not 201.
summary() {
  awk '$1 != 201 { bad++ } { print $2 }
       END { print "bad", bad + 0 > "/dev/stderr" }' "$1" 2> "$WORK/bad" | sort -n | awk '
    { v[NR] = $1 } END { printf "%.2f %.2f %.2f %.2f", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.9 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR] }'
  echo " $(awk '{ print $2 }' "$WORK/bad")"
}

RESULTS=()
for i in "${!LABELS[@]}"; do
  label="${LABELS[$i]}"
  flush_redis
  load="$(loadavg)"
  log "$label: starting the site on $BASE_URL"
  start_app_jar "${JARS[$i]}" QA_RATE_LIMIT_ANSWER_LIMIT=1000000
  log "$label: warming up with $WARM_UP answers at $((RATE * 3))/s (not reported)"
  post_answers "$WARM_UP" $((RATE * 3)) "$label-warm" > "$WORK/warm"
  log "$label: $((RATE * SECONDS_MEASURED)) answers at $RATE/s"
  post_answers $((RATE * SECONDS_MEASURED)) "$RATE" "$label" > "$WORK/measured"
  read -r p50 p90 p99 max bad <<< "$(summary "$WORK/measured")"
  log "$label: p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, max $max ms, $bad not 201"
  RESULTS+=("$label|$p50|$p90|$p99|$max|$bad|$load")
  stop_app
done

{
  echo "# Answer POST benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, PostgreSQL and Redis on the same machine; demo data of ratio $RATIO in \`$DB\`"
  echo "- One member ($POSTER) posts $((RATE * SECONDS_MEASURED)) answers through \`POST /api/v1/questions/{id}/answers\`"
  echo "  at $RATE a second on one kept-alive connection, after $WARM_UP untimed ones; time from sending the request to"
  echo "  reading the whole response (loopback). The answer rate limit is raised with \`QA_RATE_LIMIT_ANSWER_LIMIT\`."
  echo
  echo "| site | p50 ms | p90 ms | p99 ms | max ms | not 201 | load average before |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r label p50 p90 p99 max bad load <<< "$row"
    echo "| $label | $p50 | $p90 | $p99 | $max | $bad | $load |"
  done
  echo
  echo "Reproduce with \`bench/answer-post.sh $RATE $SECONDS_MEASURED\` (\`QA_BENCH_BASELINE=<revision>\` for another revision side by side)."
} > "$OUT"
cat "$OUT"
