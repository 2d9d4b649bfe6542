#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the two right-column queries, and writes bench/results/stats-explain.md.
# Usage: bench/stats-explain.sh
#   QA_EXPLAIN_DB   the database to measure (default qa_explain), filled beforehand, e.g. with
#                   QA_DB_URL=jdbc:postgresql://127.0.0.1:5432/qa_explain bin/fill-db 10000
#   QA_DB_USER, QA_DB_PASSWORD  as for the site (default qa/qa)
#   QA_EXPLAIN_RUNS timed runs per query (default 5), after one untimed warm-up run
# Each query is run as the site sends it. When the database has migration V4 (stats indexes), the script first
# measures "before": in a transaction that is rolled back, with the V1 indexes and the popular-tags query as they
# were before V4; then "after", the database as it is. Nothing in the database changes.
#
# The two queries are the site's own files, src/main/resources/sql/stats/*.sql, which org.qasite.stats.StatsQueries
# sends.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${QA_EXPLAIN_DB:-qa_explain}"
RUNS="${QA_EXPLAIN_RUNS:-5}"
OUT=bench/results/stats-explain.md

SQL_DIR=src/main/resources/sql/stats
POPULAR_TAGS="$(cat "$SQL_DIR/popular-tags.sql")"
BEST_MEMBERS="$(cat "$SQL_DIR/best-members.sql")"

# Before V4: popular tags grouped by the tag name, and the created_at indexes without INCLUDE (as in V1).
POPULAR_TAGS_BEFORE="SELECT t.name, count(*) AS questions
FROM question q
JOIN question_tag qt ON qt.question_id = q.id
JOIN tag t ON t.id = qt.tag_id
WHERE q.created_at > now() - interval '3 months'
GROUP BY t.name
ORDER BY questions DESC, t.name
LIMIT 10"
BEFORE_SETUP="DROP INDEX answer_created_idx;
CREATE INDEX answer_created_idx ON answer (created_at);
DROP INDEX question_created_idx;
CREATE INDEX question_created_idx ON question (created_at DESC, id DESC);"

BENCH_NAME=stats-explain
# shellcheck source=common.sh
source bench/common.sh

WORK="$(mktemp -d -t stats-explain.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

HAS_V4="$(sql -c "SELECT count(*) FROM flyway_schema_history WHERE version = '4' AND success")"

# measure LABEL SETUP_SQL POPULAR_SQL BEST_SQL: one psql session, one transaction (rolled back), plans to $WORK/LABEL-*.
measure() {
  local label="$1" setup="$2" popular="$3" best="$4" q i
  {
    echo "BEGIN;"
    echo "$setup"
    for q in popular best; do
      local text; if [ "$q" = popular ]; then text="$popular"; else text="$best"; fi
      for i in $(seq 0 "$RUNS"); do
        echo "\\o $WORK/$label-$q-$i.txt"
        echo "EXPLAIN (ANALYZE, BUFFERS) $text;"
        echo "\\o"
      done
    done
    echo "ROLLBACK;"
  } > "$WORK/$label.sql"
  sql -f "$WORK/$label.sql" > /dev/null
}

# timing LABEL Q: "min median" of the timed runs (1..RUNS; run 0 is the warm-up).
timing() {
  local i
  for i in $(seq 1 "$RUNS"); do awk '/Execution Time:/ { print $3 }' "$WORK/$1-$2-$i.txt"; done | sort -g |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f", v[1], m }'
}

LABELS=()
if [ "$HAS_V4" = 1 ]; then
  log "before: V1 indexes and the earlier popular-tags query, in a rolled-back transaction"
  measure before "$BEFORE_SETUP" "$POPULAR_TAGS_BEFORE" "$BEST_MEMBERS"
  LABELS+=(before)
fi
log "after: $DB as it is"
measure after "" "$POPULAR_TAGS" "$BEST_MEMBERS"
LABELS+=(after)

declare -A TITLE=([before]="Before (V1 indexes, popular tags grouped by name)" [after]="After (V4 indexes, popular tags counted per tag id)")
[ "$HAS_V4" = 1 ] || TITLE[after]="As it is (no V4 in this database)"

ROWS_MD=()
for t in member tag question question_tag answer question_vote answer_vote; do
  ROWS_MD+=("| \`$t\` | $(thousands "$(sql -c "SELECT count(*) FROM $t")") |")
done
WINDOWS="$(sql -F ' ' -c "SELECT (SELECT count(*) FROM question WHERE created_at > now() - interval '3 months'),
  (SELECT count(*) FROM question_tag qt JOIN question q ON q.id = qt.question_id WHERE q.created_at > now() - interval '3 months'),
  (SELECT count(*) FROM question WHERE created_at > now() - interval '7 days'),
  (SELECT count(*) FROM answer WHERE created_at > now() - interval '7 days')")"
read -r W_Q3 W_QT3 W_Q7 W_A7 <<< "$WINDOWS"

PG_VERSION="$(sql -c "SHOW server_version")"
PG_SETTINGS="$(sql -F ' ' -c "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_parallel_workers_per_gather')")"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

{
  echo "# Right-column queries: EXPLAIN ANALYZE"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- PostgreSQL $PG_VERSION ($PG_SETTINGS)"
  echo "- Data: \`fill-db\` demo data in database \`$DB\`:"
  echo
  echo "| table | rows |"
  echo "|---|---:|"
  printf '%s\n' "${ROWS_MD[@]}"
  echo
  echo "- In the windows: $(thousands "$W_Q3") questions of the last 3 months with $(thousands "$W_QT3") question_tag rows;"
  echo "  $(thousands "$W_Q7") questions and $(thousands "$W_A7") answers of the last 7 days."
  echo
  echo "## Timings"
  echo
  echo "Execution time reported by \`EXPLAIN (ANALYZE, BUFFERS)\`, ms, over $RUNS runs after one warm-up run (data in"
  echo "the cache):"
  echo
  echo "| query | state | min ms | median ms |"
  echo "|---|---|---:|---:|"
  for q in popular best; do
    name="popular tags"; [ "$q" = best ] && name="best members"
    for l in "${LABELS[@]}"; do
      read -r mn md <<< "$(timing "$l" "$q")"
      echo "| $name | $l | $mn | $md |"
    done
  done
  for l in "${LABELS[@]}"; do
    echo
    echo "## ${TITLE[$l]}"
    for q in popular best; do
      name="Popular tags"; [ "$q" = best ] && name="Best members"
      echo
      echo "### $name"
      echo
      echo '```'
      sed -e 's/[[:space:]]*$//' "$WORK/$l-$q-$RUNS.txt" | sed -e '/^$/d'
      echo '```'
    done
  done
  echo
  echo "The plans are those of the last timed run. Reproduce with \`bench/stats-explain.sh\` (database: \`QA_EXPLAIN_DB\`)."
} > "$OUT"
cat "$OUT"
