#!/usr/bin/env bash
# Times bin/fill-db against a plain COPY of the very same rows, and writes bench/results/fill-db.md.
# Usage: bench/fill-db.sh [N ...]      (default: 1000 10000)
# For each N: a fresh scratch database qa_bench gets `bin/fill-db N`; its tables are then dumped to files and loaded
# with psql \copy into a fresh, empty copy of the schema, doing the same work as fill-db (COPY per table, the
# accepted-answer UPDATE, ANALYZE) in one transaction. qa_bench is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then RATIOS=("$@"); else RATIOS=(1000 10000); fi

set --
# shellcheck source=../bin/services
source bin/services

DB=qa_bench
DB_USER="${QA_DB_USER:-qa}"
export PGPASSWORD="${QA_DB_PASSWORD:-qa}"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
TABLES=(member tag question question_tag answer question_vote answer_vote notification)
declare -A COLUMNS=(
  [member]="id, username, email, display_name, password_hash, role, avatar_hash, mail_answer, created_at"
  [tag]="id, name"
  # The accepted answers are loaded afterwards, as fill-db does: question and answer reference each other.
  [question]="id, author_id, title, body, body_html, created_at, rating, answer_count, view_count"
  [question_tag]="question_id, tag_id"
  [answer]="id, question_id, author_id, body, body_html, created_at, rating"
  [question_vote]="question_id, member_id, value, created_at"
  [answer_vote]="answer_id, member_id, value, created_at"
  [notification]="id, member_id, event_id, kind, question_id, answer_id, actor_id, created_at, read_at"
)

WORK="$(mktemp -d -t fill-db-bench.XXXXXX)"
cleanup() { psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; rm -rf "$WORK"; }
trap cleanup EXIT

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
fresh_db() {
  psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql_admin "CREATE DATABASE $DB OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0"
}
sql() { psql -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -qtAX "$@"; }
count_rows() {
  local total=0 table n
  for table in "${TABLES[@]}"; do n="$(sql -c "SELECT count(*) FROM $table")"; total=$((total + n)); done
  echo "$total"
}

# A first, untimed run builds the jar if the sources changed and brings the JVM files into the page cache.
log "warming up (builds the application if needed)"
fresh_db
QA_DB_URL="$DB_URL" bin/fill-db 1 > "$WORK/warm-up.log" 2>&1 || { cat "$WORK/warm-up.log" >&2; exit 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
ROWS_MD=()
for n in "${RATIOS[@]}"; do
  log "N = $n: bin/fill-db into a fresh $DB"
  fresh_db
  start="$(now)"
  QA_DB_URL="$DB_URL" bin/fill-db "$n" > "$WORK/fill-$n.log" 2>&1 || { cat "$WORK/fill-$n.log" >&2; exit 1; }
  fill_s="$(elapsed "$start" "$(now)")"
  rows="$(count_rows)"
  load_s="$(awk '$1 == "total" { print $3 }' "$WORK/fill-$n.log")"

  log "N = $n: dumping the $rows rows"
  for table in "${TABLES[@]}"; do
    # Rows in the order fill-db wrote them: that is the heap order, except for the questions that the
    # accepted-answer UPDATE moved.
    order=""; [ "$table" = question ] && order=" ORDER BY id"
    sql -c "\\copy (SELECT ${COLUMNS[$table]} FROM $table$order) TO '$WORK/$table.tsv'"
  done
  sql -c "\\copy (SELECT id, accepted_answer_id FROM question WHERE accepted_answer_id IS NOT NULL) TO '$WORK/accepted.tsv'"
  pg_dump -h 127.0.0.1 -p 5432 -U "$DB_USER" --schema-only --no-owner "$DB" > "$WORK/schema.sql"

  log "N = $n: raw COPY into an empty copy of the schema"
  fresh_db
  sql -f "$WORK/schema.sql" > /dev/null
  {
    echo "BEGIN;"
    for table in "${TABLES[@]}"; do echo "\\copy $table (${COLUMNS[$table]}) FROM '$WORK/$table.tsv'"; done
    echo "CREATE TEMP TABLE accepted (question_id bigint, answer_id bigint) ON COMMIT DROP;"
    echo "\\copy accepted FROM '$WORK/accepted.tsv'"
    echo "UPDATE question q SET accepted_answer_id = a.answer_id FROM accepted a WHERE q.id = a.question_id;"
    echo "COMMIT;"
    echo "ANALYZE member, tag, question, question_tag, answer, question_vote, answer_vote;"
  } > "$WORK/load.sql"
  start="$(now)"
  sql -f "$WORK/load.sql" > /dev/null
  copy_s="$(elapsed "$start" "$(now)")"
  copied="$(count_rows)"
  [ "$copied" = "$rows" ] || { log "the raw COPY loaded $copied rows, not $rows"; exit 1; }
  rm -f "$WORK"/*.tsv

  rate="$(awk -v r="$rows" -v s="$fill_s" 'BEGIN { printf "%d", r / s }')"
  ratio="$(awk -v a="$fill_s" -v b="$copy_s" 'BEGIN { printf "%.2f", a / b }')"
  log "N = $n: $rows rows, fill-db $fill_s s (loading $load_s s), raw COPY $copy_s s, ratio $ratio"
  ROWS_MD+=("| $(thousands "$n") | $(thousands "$rows") | $fill_s | $load_s | $(thousands "$rate") | $copy_s | $ratio |")
done

PG_VERSION="$(sql -c "SHOW server_version")"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
OUT=bench/results/fill-db.md
{
  echo "# fill-db benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory, load average $LOAD_BEFORE before the runs"
  echo "- PostgreSQL $PG_VERSION (default settings), $JAVA_VERSION"
  echo
  echo "| N | rows | fill-db s | of which loading s | rows/s | raw COPY s | ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS_MD[@]}"
  echo
  echo "- **fill-db s**: wall time of \`bin/fill-db N\` on a fresh database: JVM start, Quarkus boot, Flyway creating"
  echo "  the schema, planning, COPY of every table, the accepted-answer UPDATE and ANALYZE."
  echo "- **of which loading s**: the part after the boot, as fill-db reports it (planning, COPY, UPDATE, ANALYZE)."
  echo "- **rows/s**: rows / fill-db s."
  echo "- **raw COPY s**: the same rows, dumped from the filled database to files, loaded with psql \`\\copy\` into a"
  echo "  fresh, empty copy of the schema (same indexes and foreign keys), with the same accepted-answer UPDATE and"
  echo "  ANALYZE, in one transaction."
  echo "- **ratio**: fill-db s / raw COPY s."
  echo
  echo "Reproduce with \`bench/fill-db.sh\` (or \`bench/fill-db.sh N ...\` for other ratios)."
} > "$OUT"
cat "$OUT"
