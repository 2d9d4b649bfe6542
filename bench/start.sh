#!/usr/bin/env bash
# The site's start: from the process' start to the first ready answer of /q/health/ready and to the first 200 of a
# question page, with and without the AOT cache (JDK 25), and with the JVM's defaults as they were before the options
# file; writes bench/results/start.md.
# Usage: bench/start.sh        (settings through QA_START_* variables)
#   QA_START_RUNS   starts of each kind, taken in turn (default 5); the table has their median, least and most
#   QA_START_DB     the database (default qa_explain, the N = 10,000 demo data; filled with bin/fill-db when empty)
#
# The site runs as bench/common.sh starts it (src/main/jvm/jvm.options) on 127.0.0.1:8998 (management 9098), its
# mailer pointed at 8999 where nothing listens. The AOT cache is trained by this run, as bin/run trains it (bin/jvm's
# train_aot_cache: a start, the main pages 30 times, a stop), and as the JVM image makes it (a start that fails at its
# first connection), into a temporary directory. Readiness is polled every 20
# ms, so a figure is at most that late. Every start applies nothing (the database is migrated beforehand): Flyway's
# validation, Hibernate's boot, the Redis connections and the first question page are in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/start.sh (settings through QA_START_* variables)" >&2; exit 2; }

DB="${QA_START_DB:-qa_explain}"
RUNS="${QA_START_RUNS:-5}"
N=10000
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "QA_START_RUNS must be a positive integer" >&2; exit 2; }

BENCH_NAME=start
# shellcheck source=common.sh
source bench/common.sh
# shellcheck source=../bin/jvm
source bin/jvm
bench_services "$DB"
site_ports 8998 8999 9098
trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM
require_free_ports
aot_cache_supported || { log "the AOT cache needs JDK 25 or later (JAVA_HOME: $JAVA_HOME)"; exit 1; }
flush_redis
build_site
fill_demo_data
question_with_ten_answers

# The first start migrates the database when this build has migrations it lacks; the figures are of later starts.
log "training the AOT cache"
export QA_DB_URL="$DB_URL" QA_REDIS_STREAMS_URL="redis://127.0.0.1:$REDIS_PORT/$STREAMS_DB" \
  QA_REDIS_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/$CACHE_DB" QA_REDIS_LOCKS_URL="redis://127.0.0.1:$REDIS_PORT/$LOCKS_DB" \
  QA_SESSION_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" QA_HTTP_HOST=127.0.0.1 QA_MANAGEMENT_HOST=127.0.0.1 \
  QA_SMTP_HOST=127.0.0.1 QA_SMTP_PORT="$SMTP_PORT" QA_INSTANCE_ID=bench
started=$SECONDS
train_aot_cache "$(dirname "$JAR")" "$PORT" "$MANAGEMENT_PORT" "$WORK/app.aot" \
  || { tail -n 30 "$WORK/app-training.log" >&2; log "the training run failed"; exit 1; }
TRAINING_SECONDS=$((SECONDS - started))
CACHE_MIB=$(($(stat -c %s "$WORK/app.aot") / 1048576))
# The cache the JVM image makes (src/main/docker/Dockerfile.jvm): a start with no database or Redis to reach, which
# fails at the first connection; the JVM writes the cache as it exits.
log "training the AOT cache of a start without services, as the JVM image does"
QA_DB_URL=jdbc:postgresql://127.0.0.1:1/none QA_REDIS_STREAMS_URL=redis://127.0.0.1:1/0 \
  QA_REDIS_CACHE_URL=redis://127.0.0.1:1/1 QA_REDIS_LOCKS_URL=redis://127.0.0.1:1/2 \
  "$JAVA_HOME/bin/java" "@$PWD/$JVM_OPTIONS_FILE" -XX:AOTCacheOutput="$WORK/image.aot" -jar "$JAR" > "$WORK/image-training.log" 2>&1 || true
[ -s "$WORK/image.aot" ] || { tail -n 30 "$WORK/image-training.log" >&2; log "no cache from the start without services"; exit 1; }

OPTIONS="@$PWD/$JVM_OPTIONS_FILE"
KINDS=(aot image options defaults)
declare -A LABEL=([aot]="the options file and the AOT cache (as bin/run trains it)"
  [image]="the options file and the AOT cache of a start without services (as the JVM image makes it)"
  [options]="the options file, no AOT cache" [defaults]="the JVM's defaults (before the options file), no AOT cache")
declare -A OPTS=([aot]="$OPTIONS -XX:AOTCache=$WORK/app.aot" [image]="$OPTIONS -XX:AOTCache=$WORK/image.aot"
  [options]="$OPTIONS" [defaults]="")

# Is the cache used? The JVM says so with -Xlog:aot (and refuses it, in this mode, with a warning).
APP_JVM_OPTS="${OPTS[aot]} -XX:AOTMode=on -Xlog:aot" READY_POLL=0.1 start_app_jar "$JAR"
canonical_page
CACHE_LOG="$(grep -m1 -iE 'Opened (AOT|shared) (cache|archive)|Using AOT-linked classes' "$WORK/app.log" || true)"
stop_app
[ -n "$CACHE_LOG" ] || { log "the JVM did not say it opened the AOT cache (-Xlog:aot)"; exit 1; }
log "AOT cache in use: $CACHE_LOG"

declare -A READY=() PAGE_MS=()
LOAD_START="$(loadavg)"
for run in $(seq 1 "$RUNS"); do
  for kind in "${KINDS[@]}"; do
    started="$(date +%s%N)"
    APP_JVM_OPTS="${OPTS[$kind]}" READY_POLL=0.02 start_app_jar "$JAR"
    code="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 30 "$BASE_URL$PAGE")"
    page_ms=$((($(date +%s%N) - started) / 1000000))
    [ "$code" = 200 ] || { log "$kind: the page answered $code"; exit 1; }
    stop_app
    READY[$kind]+="$APP_READY_MS "; PAGE_MS[$kind]+="$page_ms "
    log "run $run, $kind: ready after $APP_READY_MS ms, the question page's 200 after $page_ms ms (load $(loadavg))"
  done
done
LOAD_END="$(loadavg)"

stats() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{ a[NR] = $1 }
  END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f", m / 1000, a[1] / 1000, a[NR] / 1000 }'; }
{
  echo "# The site's start, with and without the AOT cache"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), built from $BUILD"
  echo "- Machine: $(nproc) CPUs, shared with other work; load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $LOAD_END"
  echo "- $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); database \`$DB\`; page \`$PAGE\` (anonymous)"
  echo "- AOT cache: trained by this run in $TRAINING_SECONDS s (bin/jvm's train_aot_cache, as bin/run does), $CACHE_MIB MiB;"
  echo "  the JVM's word that it is used (-Xlog:aot): \`$CACHE_LOG\`"
  echo
  echo "| JVM options | ready (median) | least | most | first question page 200 (median) | least | most |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for kind in "${KINDS[@]}"; do
    read -r rm rl rh <<< "$(stats "${READY[$kind]}")"
    read -r pm pl ph <<< "$(stats "${PAGE_MS[$kind]}")"
    echo "| ${LABEL[$kind]} | $rm s | $rl s | $rh s | $pm s | $pl s | $ph s |"
  done
  echo
  echo "$RUNS starts of each kind, in turn (one of each kind, then again). Times from the process'"
  echo "start: **ready** = the first 200 of \`/q/health/ready\` (Flyway's validation, Hibernate, the Redis connections"
  echo "done), polled every 20 ms; **first question page** = the 200 of \`$PAGE\`, asked right after."
  echo
  echo "Reproduce with \`bench/start.sh\` (\`QA_START_RUNS\` starts of each kind)."
} > "$OUT"
cat "$OUT"
