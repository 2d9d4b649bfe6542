# Helpers and settings shared by the benchmark scripts; sourced after they set BENCH_NAME (and, where used, DB, PORT,
# SMTP_PORT, MANAGEMENT_PORT, BASE_URL, MANAGEMENT_URL, WORK and APP_PID).

# Every benchmark uses the local PostgreSQL as QA_DB_USER and Redis databases 13 (streams), 14 (cache) and 15 (locks),
# on the Redis server of port 6379 (QA_BENCH_REDIS_PORT: another one, for a run beside another's).
DB_USER="${QA_DB_USER:-qa}"
DB_PASSWORD="${QA_DB_PASSWORD:-qa}"
export PGPASSWORD="$DB_PASSWORD"
REDIS_PORT="${QA_BENCH_REDIS_PORT:-6379}"
REDIS=(redis-cli -h 127.0.0.1 -p "$REDIS_PORT")
STREAMS_DB=13
CACHE_DB=14
LOCKS_DB=15

# bin/services starts what is missing, installs wrk, finds a JDK 21+ (JAVA_HOME) and creates the database $1 when it
# does not exist (and no other database); DB_URL is its JDBC address.
bench_services() {
  export QA_DATABASES="$1"
  local own_log; own_log="$(declare -f log)"
  # shellcheck source=../bin/services
  source bin/services --bench
  eval "$own_log" # bin/services defines a log() of its own; the script's messages keep its name
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$1"
}

log() { printf '\033[1m[%s]\033[0m %s\n' "$BENCH_NAME" "$*" >&2; }
sql() { psql -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -qtAX "$@"; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
flush_redis() { local db; for db in $STREAMS_DB $CACHE_DB $LOCKS_DB; do "${REDIS[@]}" -n "$db" FLUSHDB > /dev/null; done; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# wrk's latency as ms: "812.00us", "3.41ms", "1.20s", "2.00m".
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
    if (f < 0) { print "?"; exit 1 }
    printf "%.1f\n", n * f }'
}

# Stops the site started by the script (APP_PID), waiting up to 15 s before killing it.
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# Ends a run that started the site, from the script's EXIT trap: stops the site, empties the bench's Redis databases,
# shows the end of the site's log when the script failed (its exit status is $1) and removes $WORK.
finish_site_run() {
  local status="$1"
  [ -z "$APP_PID" ] || log "stopping the site (pid $APP_PID)"
  stop_app
  flush_redis 2> /dev/null || true
  if [ "$status" -ne 0 ] && [ -f "$WORK/app.log" ]; then
    log "the site's log ends with:"; tail -n 30 "$WORK/app.log" >&2
  fi
  rm -rf "$WORK"
}

# Builds the site's jar ($JAR) when it is missing or older than the sources, and sets BUILD to the last commit that
# changed the site ("+changes" when the working tree changes it further), for the results.
build_site() {
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
    log "building the application"
    ./mvnw -B -q -DskipTests package
    touch "$JAR"
  fi
  BUILD="$(git log -1 --format=%h -- src pom.xml)"
  git diff --quiet HEAD -- src pom.xml || BUILD="$BUILD+changes"
}

# The build of QA_BENCH_BASELINE (a commit), when one is asked for, in $WORK/baseline: appends its label and jar to
# LABELS and JARS, for a script that measures both side by side.
build_baseline() {
  if [ -n "${QA_BENCH_BASELINE:-}" ]; then
    local baseline
    baseline="$(git rev-parse --short "$QA_BENCH_BASELINE^{commit}")"
    log "building the baseline $baseline"
    mkdir "$WORK/baseline"
    git archive "$baseline" | tar -x -C "$WORK/baseline"
    (cd "$WORK/baseline" && ./mvnw -B -q -DskipTests package > build.log 2>&1) || { tail -n 30 "$WORK/baseline/build.log" >&2; exit 1; }
    LABELS+=("$baseline"); JARS+=("$WORK/baseline/$JAR")
  fi
}

# Refuses to start when $PORT or $MANAGEMENT_PORT is taken or something listens on $SMTP_PORT (where the site's mailer
# is pointed, so that nothing receives its mail).
# The places of a run of the packaged site: the site on port $1, its mailer pointed at $2 (where nothing may listen),
# its management interface (health, metrics) on $3. Sets PORT, SMTP_PORT, MANAGEMENT_PORT, BASE_URL,
# MANAGEMENT_URL, JAR, OUT (bench/results/$BENCH_NAME.md) and WORK (a fresh temporary directory), and no APP_PID yet.
site_ports() {
  PORT="$1"; SMTP_PORT="$2"; MANAGEMENT_PORT="$3"
  BASE_URL="http://127.0.0.1:$PORT"
  MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"
  JAR=target/quarkus-app/quarkus-run.jar
  OUT="bench/results/$BENCH_NAME.md"
  WORK="$(mktemp -d -t "$BENCH_NAME-bench.XXXXXX")"
  APP_PID=""
}

require_free_ports() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then log "port $PORT is taken"; exit 1; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT") 2> /dev/null; then log "port $MANAGEMENT_PORT is taken"; exit 1; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2> /dev/null; then log "port $SMTP_PORT must be free (the mailer points there)"; exit 1; fi
}

# Starts the site's jar ($1) on 127.0.0.1:$PORT (its management interface, with health and metrics, on
# 127.0.0.1:$MANAGEMENT_PORT) against $DB_URL and Redis databases $STREAMS_DB, $CACHE_DB and $LOCKS_DB, its mailer
# pointed at $SMTP_PORT, with any further VAR=value settings given after the jar, and waits up to $READY_SECONDS
# (default 60) until /q/health/ready says so, asking every $READY_POLL seconds (default 0.5). Sets APP_PID, APP_READY_MS
# to the milliseconds from the process' start to the first ready answer, and OPS_URL to where the build serves /q/:
# $MANAGEMENT_URL, or $BASE_URL for a build from before the management interface (QA_BENCH_BASELINE). Its log goes to
# $WORK/app.log. Its JVM options: those of bin/run (src/main/jvm/jvm.options, and the AOT cache beside the jar when it
# is fresh), or the words of APP_JVM_OPTS when it is set (empty: the JVM's defaults), for a bench that compares them.
start_app_jar() {
  local jar="$1" wait="${READY_SECONDS:-60}" poll="${READY_POLL:-0.5}" started deadline
  shift
  local -a jvm
  if [ -n "${APP_JVM_OPTS+set}" ]; then
    read -r -a jvm <<< "$APP_JVM_OPTS"
  else
    # shellcheck source=../bin/jvm
    source bin/jvm
    jvm_args "$(dirname "$jar")"
    jvm=("${JVM_ARGS[@]}")
  fi
  started="$(date +%s%N)"
  deadline=$(($(date +%s) + wait))
  env QA_DB_URL="$DB_URL" \
    QA_REDIS_STREAMS_URL="redis://127.0.0.1:$REDIS_PORT/$STREAMS_DB" \
    QA_REDIS_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/$CACHE_DB" \
    QA_REDIS_LOCKS_URL="redis://127.0.0.1:$REDIS_PORT/$LOCKS_DB" \
    QA_SESSION_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" \
    QA_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    QA_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    QA_SMTP_HOST=127.0.0.1 QA_SMTP_PORT="$SMTP_PORT" \
    QA_INSTANCE_ID=bench \
    "$@" \
    "$JAVA_HOME/bin/java" "${jvm[@]}" -Dquarkus.banner.enabled=false -jar "$jar" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  local url
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$APP_PID" 2> /dev/null || { log "the site did not start"; exit 1; }
    # A closed port or the public port's 404 fails at once, so asking both costs a poll no measurable time.
    for url in "$MANAGEMENT_URL" "$BASE_URL"; do
      if curl -fsS --max-time 2 "$url/q/health/ready" > /dev/null 2>&1; then
        APP_READY_MS=$((($(date +%s%N) - started) / 1000000))
        OPS_URL="$url"
        return 0
      fi
    done
    sleep "$poll"
  done
  log "the site was not ready after $wait s"; exit 1
}

# Fills the database DB with the demo data of N (bin/fill-db) when it has none, and notes the migrations of this build
# it lacks (the site's first start applies them). Sets MEMBERS, FILLED_NOW (1 when this run filled it) and MISSING.
fill_demo_data() {
  MEMBERS=0 # (a CASE around the count would not do: its subquery is parsed, and fails, when the table is missing)
  [ -z "$(sql -c "SELECT to_regclass('member')")" ] || MEMBERS="$(sql -c "SELECT count(*) FROM member")"
  FILLED_NOW=""
  if [ "$MEMBERS" -eq 0 ]; then
    log "filling $DB with the demo data of N = $(thousands "$N") (this takes a while)"
    QA_DB_URL="$DB_URL" bin/fill-db "$N" --if-empty > "$WORK/fill-db.log" 2>&1 || { cat "$WORK/fill-db.log" >&2; exit 1; }
    FILLED_NOW=1
  else
    log "$DB has demo data already ($(thousands "$MEMBERS") members): used as it is"
  fi
  local applied f v
  applied="$(sql -c "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")"
  MISSING=()
  for f in src/main/resources/db/migration/V*__*.sql; do
    v="$(basename "$f" | sed 's/^V\([0-9.]*\)__.*/\1/')"
    grep -qx "$v" <<< "$applied" || MISSING+=("$(basename "$f")")
  done
  [ "${#MISSING[@]}" -eq 0 ] || log "the site applies at its start: ${MISSING[*]}"
}

# The page both question-page.sh and page-baseline.sh load: the question with at least 10 answers that has the lowest
# id (its first page shows 10 answers). Sets QUESTION_ID, QUESTION_ANSWERS (its answer count) and PAGE (its path).
question_with_ten_answers() {
  read -r QUESTION_ID QUESTION_ANSWERS <<< "$(sql -F ' ' -c "SELECT question_id, count(*) FROM answer
    GROUP BY question_id HAVING count(*) >= 10 ORDER BY question_id LIMIT 1")"
  [ -n "$QUESTION_ID" ] || { log "$DB has no question with 10 answers"; exit 1; }
  PAGE="/questions/$QUESTION_ID"
}

# Largest RSS of a process (MiB) while a file ($2) does not exist; sampled every 0.5 s.
sample_rss() {
  local pid="$1" stop="$2" max=0 rss
  while [ ! -e "$stop" ]; do
    rss="$(ps -o rss= -p "$pid" 2> /dev/null | tr -d ' ')"
    [ -n "$rss" ] && [ "$rss" -gt "$max" ] && max="$rss"
    sleep 0.5
  done
  echo $((max / 1024))
}

# Builds the raw page baseline (bench/baseline, BASELINE_JAR) when it is missing or older than its sources or the
# site's classes it runs on (target/quarkus-app/app/).
build_page_baseline() {
  BASELINE_JAR=bench/baseline/target/page-baseline.jar
  if [ ! -f "$BASELINE_JAR" ] \
    || [ -n "$(find bench/baseline/src bench/baseline/pom.xml target/quarkus-app/app -newer "$BASELINE_JAR" -print -quit)" ]; then
    log "building the baseline"
    ./mvnw -B -q -f bench/baseline/pom.xml package
    touch "$BASELINE_JAR"
  fi
}

# The question page's own address: /questions/{id} moves permanently to /questions/{id}/{slug}, so a load on PAGE would
# measure the redirect. Asks the site at $BASE_URL and sets PAGE to where it points (or leaves it as it is).
canonical_page() {
  local location
  location="$(curl -sS -o /dev/null -w '%{redirect_url}' --max-time 30 "$BASE_URL$PAGE")"
  [ -z "$location" ] || PAGE="/${location#*://*/}"
}
