# Helpers shared by the benchmark scripts; sourced after they set BENCH_NAME (and, where used, DB, DB_USER,
# REDIS, STREAMS_DB, CACHE_DB, LOCKS_DB and APP_PID).

log() { printf '\033[1m[%s]\033[0m %s\n' "$BENCH_NAME" "$*" >&2; }
sql() { psql -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -qtAX "$@"; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
flush_redis() { local db; for db in $STREAMS_DB $CACHE_DB $LOCKS_DB; do "${REDIS[@]}" -n "$db" FLUSHDB > /dev/null; done; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Stops the site started by the script (APP_PID), waiting up to 15 s before killing it.
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
