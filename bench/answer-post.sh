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
# (QA_RATE_LIMIT_ANSWER_LIMIT). The client is one Python process: it logs in as QA_ANSWER_POST_MEMBERS demo members
# (default 20: demo-1 to demo-20), each on a kept-alive connection of its own, then sends each answer at its planned
# time, from the next member in turn to the next question of the demo data, and records the time from sending the
# request to reading the whole response; a request that falls behind is sent at once, never skipped.
# Several members, because the site looks for the same answer by its author in the last hour before saving one: a
# single member posting thousands an hour (which the real limit of 20 in 10 minutes forbids) made that look-up, and so
# every POST, slower with each run.
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
MEMBERS="${QA_ANSWER_POST_MEMBERS:-20}"
[[ "$MEMBERS" =~ ^[1-9][0-9]*$ ]] || { echo "QA_ANSWER_POST_MEMBERS must be a positive number" >&2; exit 2; }
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

# The client: posts COUNT answers at RATE a second; prints one line per answer, "status milliseconds", then
# "cpu <ms>": the site's CPU time per answer over them.
post_answers() {
  python3 - "$BASE_URL" "$MEMBERS" "$POSTER_PASSWORD" "$QUESTIONS" "$1" "$2" "$3" "$APP_PID" "$(getconf CLK_TCK)" << 'EOF'
import http.client, json, sys, time, urllib.parse, uuid
base, members, password, questions, count, rate, label, pid, hz = sys.argv[1:10]
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
questions, count, rate = [int(q) for q in questions.split(",")], int(count), float(rate)

def log_in(user):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("POST", "/login", urllib.parse.urlencode({"username": user, "password": password}),
                 {"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse(); r.read()
    cookie = next((c.split(";", 1)[0] for k, c in r.getheaders() if k.lower() == "set-cookie" and c.startswith("qa-session=")), None)
    if r.status // 100 != 3 or cookie is None:
        sys.exit(f"login as {user} failed: {r.status}")
    return conn, cookie

def site_cpu_ms():
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / int(hz)

posters = [log_in(f"demo-{m}") for m in range(1, int(members) + 1)]
run = uuid.uuid4().hex[:8]
cpu_before = site_cpu_ms() # after the logins, whose password hashing is no part of an answer
start = time.perf_counter()
for k in range(count):
    due = start + k / rate
    now = time.perf_counter()
    if due > now:
        time.sleep(due - now)
    conn, cookie = posters[k % len(posters)]
    # Unique per run and answer (a member may not post the same text twice in an hour), a few lines of Markdown.
    body = json.dumps({"body": f"Answer-post bench {label} {run} #{k}.\n\nRun the query once with `EXPLAIN (ANALYZE, BUFFERS)` "
                       "and compare the estimated rows with the actual ones: when they differ by orders of magnitude, "
                       "the planner's statistics are stale.\n\n- check the index is used\n- check the sort happens in memory\n"})
    sent = time.perf_counter()
    conn.request("POST", f"/api/v1/questions/{questions[k % len(questions)]}/answers", body,
                 {"Content-Type": "application/json", "Accept": "application/json", "Cookie": cookie})
    r = conn.getresponse(); r.read()
    print(r.status, f"{(time.perf_counter() - sent) * 1000:.3f}")
print("cpu", f"{(site_cpu_ms() - cpu_before) / count:.2f}")
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
  cpu="$(awk '$1 == "cpu" { print $2 }' "$WORK/measured")"
  sed -i '/^cpu /d' "$WORK/measured"
  read -r p50 p90 p99 max bad <<< "$(summary "$WORK/measured")"
  log "$label: p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, max $max ms, $bad not 201, site CPU $cpu ms per answer"
  RESULTS+=("$label|$p50|$p90|$p99|$max|$bad|$cpu|$load")
  stop_app
done

{
  echo "# Answer POST benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, PostgreSQL and Redis on the same machine; demo data of ratio $RATIO in \`$DB\`"
  echo "- $MEMBERS members (demo-1 to demo-$MEMBERS, in turn) post $((RATE * SECONDS_MEASURED)) answers through"
  echo "  \`POST /api/v1/questions/{id}/answers\` at $RATE a second, one request at a time, each member on a kept-alive"
  echo "  connection of its own, after $WARM_UP untimed ones; time from sending the request to reading the whole response"
  echo "  (loopback). The answer rate limit is raised with \`QA_RATE_LIMIT_ANSWER_LIMIT\`."
  echo
  echo "| site | p50 ms | p90 ms | p99 ms | max ms | not 201 | site CPU per answer ms | load average before |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r label p50 p90 p99 max bad cpu load <<< "$row"
    echo "| $label | $p50 | $p90 | $p99 | $max | $bad | $cpu | $load |"
  done
  echo
  echo "Site CPU: the CPU time of the site's process (all its threads: the request, the consumers that follow each"
  echo "answer with notifications, mail and live frames, and the JIT compiler) during the measured answers, divided by"
  echo "their number."
  echo
  echo "Reproduce with \`bench/answer-post.sh $RATE $SECONDS_MEASURED\` (\`QA_BENCH_BASELINE=<revision>\` for another revision side by side)."
} > "$OUT"
cat "$OUT"
