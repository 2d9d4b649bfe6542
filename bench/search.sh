#!/usr/bin/env bash
# Latency of the search box's suggestions (GET /api/v1/search/suggest?q=) on the N = 10,000 demo data, through HTTP
# and as the raw SQL statement of SearchService.suggest, side by side, for 2-, 3-, 4- and 6-letter prefixes of
# frequent title words and for common words typed in full; plus one full search page (/search?q=) of a common word.
# Writes bench/results/search.md.
# Usage: bench/search.sh
#   QA_SEARCH_DB        the database (default qa_explain): used as it is when it has demo data, else created (when
#                       missing) and filled with `bin/fill-db $QA_SEARCH_N`
#   QA_SEARCH_N         size of the demo data when the script fills the database (default 10000: 100,000 questions)
#   QA_SEARCH_REQUESTS  measured requests (and SQL executions) per query (default 200), after QA_SEARCH_WARM_UP
#                       (default 20) untimed ones; the full search page gets a quarter of them
#   QA_SEARCH_SLOW_MS   raw SQL p99 above which the statement's EXPLAIN (ANALYZE, BUFFERS) goes into the results
#                       (default 50)
#
# The words come from the data: the most frequent title words of at least 7 letters give the prefixes (for each of
# 2, 3, 4 and 6 letters, the first three different ones in order of frequency), the three most frequent title words
# of any length are the common words (words the text search configuration drops as stop words are skipped: they never
# match).
#
# HTTP: one curl process per query, its requests one after the other on one kept-alive connection; the latency is
# curl's time_total of each. SQL: pgbench with one client, the statement of SearchService.suggest copied verbatim,
# its parameters bound as the site binds them (-M prepared: a server-side prepared statement, as the JDBC driver
# uses after a few executions); the latency is pgbench's per-transaction time (-l), loopback round trip included.
# The site runs from the packaged jar on 127.0.0.1:8790 (its management interface on 8792; Redis databases 13–15,
# flushed at the start and at the end; mailer on a port where nothing listens) and is stopped by its PID when the
# script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] || { echo "usage: bench/search.sh (settings through QA_SEARCH_* variables)" >&2; exit 2; }

DB="${QA_SEARCH_DB:-qa_explain}"
N="${QA_SEARCH_N:-10000}"
REQUESTS="${QA_SEARCH_REQUESTS:-200}"
WARM_UP="${QA_SEARCH_WARM_UP:-20}"
SLOW_MS="${QA_SEARCH_SLOW_MS:-50}"
for v in "$N" "$REQUESTS" "$WARM_UP" "$SLOW_MS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "QA_SEARCH_* settings must be positive integers" >&2; exit 2; }
done
PAGE_REQUESTS=$(( REQUESTS / 4 > 0 ? REQUESTS / 4 : 1 ))

BENCH_NAME=search
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8790 8791 8792 # the site, its mailer (nothing may listen there), its management interface

CONFIG="${QA_SEARCH_CONFIG:-russian}" # the site's qa.search.config
export QUARKUS_FLYWAY_OUT_OF_ORDER=true # for bin/fill-db and the site

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM

require_free_ports
flush_redis

# --- the build and the data ---------------------------------------------------
build_site

fill_demo_data

# --- the site -----------------------------------------------------------------
LOAD_BEFORE="$(loadavg)"
log "starting the site on $BASE_URL"
READY_SECONDS=300 start_app_jar "$JAR" # V5/V6 on 100,000 questions take a while at the first start
sql -c "ANALYZE question" # the columns V5/V6 may just have added

# --- the words ------------------------------------------------------------------
# Title words as written (the 'simple' configuration: lower case, no stemming), by the number of titles that have
# them; words the site's configuration drops as stop words are left out.
frequent_words() { # $1: minimum length, $2: how many
  sql -c "SELECT word FROM ts_stat('SELECT to_tsvector(''simple'', title) FROM question')
    WHERE length(word) >= $1 AND word ~ '^[[:alpha:]]+\$' AND length(to_tsvector('$CONFIG', word)) > 0
    ORDER BY ndoc DESC, word LIMIT $2"
}
mapfile -t LONG_WORDS < <(frequent_words 7 10)
mapfile -t COMMON_WORDS < <(frequent_words 3 3)
[ "${#LONG_WORDS[@]}" -ge 3 ] && [ "${#COMMON_WORDS[@]}" -eq 3 ] || { log "too few title words in $DB"; exit 1; }
QUERIES=() # "kind<TAB>text"
PREFIX_WORDS=() # the words that gave a prefix
for len in 2 3 4 6; do
  seen=" "
  for w in "${LONG_WORDS[@]}"; do # the first three different prefixes of this length
    p="${w:0:len}"
    [[ "$seen" != *" $p "* ]] || continue
    seen="$seen$p "
    QUERIES+=("$len-letter prefix	$p")
    [[ " ${PREFIX_WORDS[*]} " == *" $w "* ]] || PREFIX_WORDS+=("$w")
    [ "$(wc -w <<< "$seen")" -lt 3 ] || break
  done
done
for w in "${COMMON_WORDS[@]}"; do QUERIES+=("common word	$w"); done
log "prefixes of: ${PREFIX_WORDS[*]}; common words: ${COMMON_WORDS[*]}"

# --- the statements -------------------------------------------------------------
# Copied from SearchService.suggest (change them together); :cfg, :earlier, :last, :prefix and :opts are its ?1..?5.
SUGGEST_SQL="WITH query AS (SELECT plainto_tsquery(CAST(:cfg AS regconfig), :earlier)
    && (to_tsquery(CAST(:cfg AS regconfig), :last) || to_tsquery('simple', :prefix)) AS q)
  SELECT c.id, c.title, c.answer_count, ts_headline(CAST(:cfg AS regconfig), c.title, query.q, :opts)
  FROM (SELECT q.id, q.title, q.answer_count, q.rating, q.title_vector FROM question q, query
    WHERE q.title_vector @@ query.q LIMIT 200) c, query
  ORDER BY ts_rank(c.title_vector, query.q) DESC, c.rating DESC, c.id DESC LIMIT 8"
TITLE_OPTIONS=$'StartSel=\x02, StopSel=\x03, HighlightAll=true' # SearchService.TITLE_OPTIONS
printf '%s;\n' "$SUGGEST_SQL" > "$WORK/suggest.sql"
# The two statements of SearchService.count and .page (first page, 20 a page) that read the matches of /search; the
# page's 20 questions, their tags and the highlighted snippets are further, small queries by id (not in the SQL time).
RANK="ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', q.search_vector, query.q) * (1 + ln(1 + greatest(q.rating, 0)) / 5)"
COUNT_SQL="SELECT count(*) FROM (SELECT 1 FROM question q, websearch_to_tsquery(CAST(:cfg AS regconfig), :words) AS query(q)
  WHERE q.search_vector @@ query.q LIMIT 1001) matches"
PAGE_SQL="SELECT q.id FROM question q, websearch_to_tsquery(CAST(:cfg AS regconfig), :words) AS query(q)
  WHERE q.search_vector @@ query.q ORDER BY $RANK DESC, q.id DESC LIMIT 20 OFFSET 0"
printf '%s;\n%s;\n' "$COUNT_SQL" "$PAGE_SQL" > "$WORK/search.sql"

# p50 p95 p99 (nearest rank) of the numbers (ms) on stdin, one a line.
percentiles() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "? ? ?"; exit }
    n = split("0.50 0.95 0.99", p, " ")
    for (i = 1; i <= n; i++) { k = int(p[i] * NR); if (k < p[i] * NR) k++; if (k < 1) k = 1; printf "%s%.1f", (i > 1 ? " " : ""), v[k] }
    print "" }'
}
encoded_url() { # $1: path, $2: q
  curl -Gso /dev/null -w '%{url_effective}' --data-urlencode "q=$2" "$BASE_URL$1"
}
# Latencies (ms) of $2 requests of URL $1 one after the other on one connection; fails on any status but 200.
http_times() {
  local url="$1" count="$2" i
  for i in $(seq 1 "$count"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done > "$WORK/curl.cfg"
  curl -sS --max-time 60 -K "$WORK/curl.cfg" -w '%{http_code} %{time_total}\n' > "$WORK/curl.out"
  awk '$1 != 200 { bad++ } END { if (bad) { print bad " responses were not 200" > "/dev/stderr"; exit 1 } }' "$WORK/curl.out"
  awk '{ printf "%.3f\n", $2 * 1000 }' "$WORK/curl.out"
}
# Latencies (ms) of $2 executions of the pgbench script $1, with the -D variables that follow.
sql_times() {
  local script="$1" count="$2"
  shift 2
  rm -f "$WORK"/pgbench_log.*
  PGHOST=127.0.0.1 PGPORT=5432 PGUSER="$DB_USER" pgbench -n -M prepared -c 1 -t "$count" -f "$script" -l \
    --log-prefix="$WORK/pgbench_log" "$@" "$DB" > "$WORK/pgbench.out" 2>&1 || { cat "$WORK/pgbench.out" >&2; exit 1; }
  grep -q '^number of failed transactions: 0 ' "$WORK/pgbench.out" || { cat "$WORK/pgbench.out" >&2; exit 1; }
  awk '{ printf "%.3f\n", $3 / 1000 }' "$WORK"/pgbench_log.*
}
# EXPLAIN (ANALYZE, BUFFERS) of a statement ($1) with psql variables (-v name=value ...) for its :'name' parameters.
explain() {
  local statement="$1"
  shift
  # psql quotes :'name' itself; the statements above use :name (pgbench's form).
  statement="$(sed -E "s/:(cfg|earlier|last|prefix|opts|words)\>/:'\1'/g" <<< "$statement")"
  printf 'EXPLAIN (ANALYZE, BUFFERS) %s;\n' "$statement" > "$WORK/explain.sql"
  psql -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -qtAX "$@" -f "$WORK/explain.sql"
}

# A few untimed suggestions and searches first: the site's JIT and pools, PostgreSQL's caches.
log "warming up"
for w in "${COMMON_WORDS[@]}" "${LONG_WORDS[@]}"; do
  http_times "$(encoded_url /api/v1/search/suggest "${w:0:3}")" "$WARM_UP" > /dev/null
  http_times "$(encoded_url /api/v1/search/suggest "$w")" "$WARM_UP" > /dev/null
done
http_times "$(encoded_url /search "${COMMON_WORDS[0]}")" 5 > /dev/null

ROWS=() # "kind<TAB>q<TAB>matches<TAB>suggestions<TAB>http p50 p95 p99<TAB>sql p50 p95 p99"
SLOW=() # "kind<TAB>q"
for entry in "${QUERIES[@]}"; do
  IFS=$'\t' read -r kind q <<< "$entry"
  # The site's split of one word: no earlier words, an empty text, which pgbench cannot bind; a blank gives the same
  # (empty) plainto_tsquery.
  vars=(-D "cfg=$CONFIG" -D "earlier= " -D "last=$q" -D "prefix=$q:*")
  matches="$(sql -v "cfg=$CONFIG" -v "last=$q" -v "prefix=$q:*" <<< "SELECT count(*) FROM question q,
    (SELECT to_tsquery(CAST(:'cfg' AS regconfig), :'last') || to_tsquery('simple', :'prefix') AS q) query
    WHERE q.title_vector @@ query.q")" # (psql substitutes its variables in what it reads, not in -c)
  url="$(encoded_url /api/v1/search/suggest "$q")"
  suggestions="$(curl -fsS --max-time 30 "$url" | jq length)"
  sql_times "$WORK/suggest.sql" "$WARM_UP" "${vars[@]}" -D "opts=$TITLE_OPTIONS" > /dev/null
  sql_p="$(sql_times "$WORK/suggest.sql" "$REQUESTS" "${vars[@]}" -D "opts=$TITLE_OPTIONS" | percentiles)"
  http_times "$url" "$WARM_UP" > /dev/null
  http_p="$(http_times "$url" "$REQUESTS" | percentiles)"
  ROWS+=("$kind	$q	$matches	$suggestions	$http_p	$sql_p")
  log "$kind \"$q\": $matches matching titles, $suggestions suggestions; HTTP p50/p95/p99 $http_p ms; SQL $sql_p ms"
  read -r _ _ sql_p99 <<< "$sql_p"
  awk -v a="$sql_p99" -v b="$SLOW_MS" 'BEGIN { exit !(a > b) }' && SLOW+=("$kind	$q")
done

# The full search page of the most common word.
SEARCH_WORD="${COMMON_WORDS[0]}"
url="$(encoded_url /search "$SEARCH_WORD")"
search_matches="$(sql -v "cfg=$CONFIG" -v "words=$SEARCH_WORD" <<< "SELECT count(*) FROM question q,
  websearch_to_tsquery(CAST(:'cfg' AS regconfig), :'words') AS query(q) WHERE q.search_vector @@ query.q")"
sql_times "$WORK/search.sql" "$WARM_UP" -D "cfg=$CONFIG" -D "words=$SEARCH_WORD" > /dev/null
search_sql_p="$(sql_times "$WORK/search.sql" "$PAGE_REQUESTS" -D "cfg=$CONFIG" -D "words=$SEARCH_WORD" | percentiles)"
http_times "$url" 5 > /dev/null
search_http_p="$(http_times "$url" "$PAGE_REQUESTS" | percentiles)"
log "/search \"$SEARCH_WORD\": $search_matches matching questions; HTTP $search_http_p ms; SQL $search_sql_p ms"
read -r _ _ p99 <<< "$search_sql_p"
SEARCH_SLOW=""
awk -v a="$p99" -v b="$SLOW_MS" 'BEGIN { exit !(a > b) }' && SEARCH_SLOW=1

# Plans of the slow statements, taken while the site still runs (the same load on the machine).
PLANS="$WORK/plans.md"
: > "$PLANS"
for entry in "${SLOW[@]}"; do
  IFS=$'\t' read -r kind q <<< "$entry"
  {
    echo "### Suggestions for \"$q\" ($kind)"
    echo
    echo '```'
    explain "$SUGGEST_SQL" -v "cfg=$CONFIG" -v "earlier= " -v "last=$q" -v "prefix=$q:*" -v "opts=$TITLE_OPTIONS"
    echo '```'
    echo
  } >> "$PLANS"
done
if [ -n "$SEARCH_SLOW" ]; then
  for part in COUNT_SQL PAGE_SQL; do
    {
      if [ "$part" = COUNT_SQL ]; then echo "### /search \"$SEARCH_WORD\": the count"; else echo "### /search \"$SEARCH_WORD\": the first page"; fi
      echo
      echo '```'
      explain "${!part}" -v "cfg=$CONFIG" -v "words=$SEARCH_WORD"
      echo '```'
      echo
    } >> "$PLANS"
  done
fi
LOAD_AFTER="$(loadavg)"
log "stopping the site"
stop_app

# --- the report -----------------------------------------------------------------
QUESTIONS="$(sql -c "SELECT count(*) FROM question")"
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CURL_VERSION="$(curl --version | head -n1 | awk '{ print $1, $2 }')"
PGBENCH_VERSION="$(pgbench --version)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
words_list() { local w out=""; for w in "$@"; do out="$out${out:+, }\`$w\`"; done; echo "$out"; }
TABLE="$WORK/table.md"
{
  echo "| query | q | matching titles | suggestions | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | SQL p50 ms | SQL p95 ms | SQL p99 ms |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r kind q matches suggestions http_p sql_p <<< "$row"
    read -r h50 h95 h99 <<< "$http_p"
    read -r s50 s95 s99 <<< "$sql_p"
    echo "| $kind | \`$q\` | $(thousands "$matches") | $suggestions | $h50 | $h95 | $h99 | $s50 | $s95 | $s99 |"
  done
  read -r h50 h95 h99 <<< "$search_http_p"
  read -r s50 s95 s99 <<< "$search_sql_p"
  echo "| full search page \`/search?q=\` | \`$SEARCH_WORD\` | $(thousands "$search_matches") (questions, title or body) | 20 a page | $h50 | $h95 | $h99 | $s50 | $s95 | $s99 |"
} > "$TABLE"
{
  echo "# Search suggestions: latency through HTTP and as raw SQL"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory"
  echo "- Load average (1, 5, 15 min) before the site's start: $LOAD_BEFORE; at the end of the measurements: $LOAD_AFTER"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION, $CURL_VERSION, $PGBENCH_VERSION"
  echo "- One instance of the site (\`java @src/main/jvm/jvm.options -jar $JAR\`, with the AOT cache when fresh, built from $BUILD), on 127.0.0.1:$PORT"
  echo "- Data: database \`$DB\`, $(thousands "$QUESTIONS") questions, text search configuration \`$CONFIG\`"
  if [ -n "$FILLED_NOW" ]; then echo "  (filled by this run with \`bin/fill-db $N\`)"; else echo "  (\`fill-db\` demo data, filled beforehand)"; fi
  if [ "${#MISSING[@]}" -gt 0 ]; then
    echo "- The database lacked $(printf '`%s` ' "${MISSING[@]}")which the site applied at its start"
    echo "  (\`QUARKUS_FLYWAY_OUT_OF_ORDER=true\`, set by the script for its bench database)"
  fi
  echo "- Words: for each length, the first three different prefixes of the most frequent title words of 7 letters or"
  echo "  more, in order of frequency (taken from $(words_list "${PREFIX_WORDS[@]}")),"
  echo "  common words: the three most frequent title words ($(words_list "${COMMON_WORDS[@]}"))"
  echo "- $REQUESTS measured requests and $REQUESTS measured SQL executions per suggestion query, $PAGE_REQUESTS for the"
  echo "  search page, each after $WARM_UP untimed ones"
  echo
  cat "$TABLE"
  echo
  echo "- **matching titles**: questions whose \`title_vector\` matches the suggestion query (all of them; the"
  echo "  statement ranks at most the first 200 the index gives). For the search page: questions whose"
  echo "  \`search_vector\` (title and body) matches, of which the page counts at most 1,001."
  echo "- **suggestions**: length of the JSON array the site answered (at most 8)."
  echo "- **HTTP**: \`GET /api/v1/search/suggest?q=…\` (and \`GET /search?q=…\`), anonymous, one request after the"
  echo "  other on one kept-alive connection of one curl process; curl's \`time_total\` of each, so JSON (or HTML)"
  echo "  and the transaction around the statement are included. Every response was checked for status 200."
  echo "- **SQL**: the statement of \`SearchService.suggest\`, copied verbatim, run by \`pgbench\` with one client as a"
  echo "  prepared statement with the site's parameters (the words typed, \`$CONFIG\`, the highlight options with"
  echo "  the control-character markers; the earlier words, empty for one word, as a blank, which pgbench can bind"
  echo "  and which gives the same empty \`plainto_tsquery\`); the time of each execution from pgbench's per-transaction log,"
  echo "  loopback round trip included. For the search page: its two statements that read the matches, the count"
  echo "  (\`LIMIT 1001\`) and the first page of ids ranked with \`ts_rank_cd\`, one after the other; the page's"
  echo "  further queries by id (the 20 questions with authors and tags, the highlighted titles and snippets) are"
  echo "  in the HTTP time only."
  echo "- Percentiles are nearest-rank over the measured runs. The site, PostgreSQL, curl and pgbench share the"
  echo "  machine's CPUs (with whatever else runs on it: see the load average)."
  echo
  echo "Commands, per query (\`\$Q\` the text typed, URL-encoded in the URL):"
  echo
  echo '```'
  echo "pgbench -n -M prepared -c 1 -t $REQUESTS -f suggest.sql -l -D cfg=$CONFIG -D 'earlier= ' -D last=\$Q -D 'prefix=\$Q:*' \\"
  echo "  -D \$'opts=StartSel=\\x02, StopSel=\\x03, HighlightAll=true' $DB"
  echo "curl -sS -K requests.cfg -w '%{http_code} %{time_total}\\n'   # $REQUESTS × url = \"$BASE_URL/api/v1/search/suggest?q=\$Q\", output = \"/dev/null\""
  echo "pgbench -n -M prepared -c 1 -t $PAGE_REQUESTS -f search.sql -l -D cfg=$CONFIG -D words=$SEARCH_WORD $DB"
  echo "curl -sS -K requests.cfg -w '%{http_code} %{time_total}\\n'   # $PAGE_REQUESTS × url = \"$BASE_URL/search?q=$SEARCH_WORD\""
  echo '```'
  echo
  echo "\`suggest.sql\`:"
  echo
  echo '```sql'
  cat "$WORK/suggest.sql"
  echo '```'
  echo
  echo "\`search.sql\`:"
  echo
  echo '```sql'
  cat "$WORK/search.sql"
  echo '```'
  echo
  if [ -s "$PLANS" ]; then
    echo "## Plans of the statements with a raw SQL p99 above $SLOW_MS ms"
    echo
    echo "\`EXPLAIN (ANALYZE, BUFFERS)\` of each, once, with its parameters as literals, taken right after the"
    echo "measurements (the site still running, idle)."
    echo
    cat "$PLANS"
  else
    echo "No statement had a raw SQL p99 above $SLOW_MS ms, so no plan is recorded."
    echo
  fi
  echo "Reproduce with \`bench/search.sh\` (\`QA_SEARCH_REQUESTS\`, \`QA_SEARCH_DB\`, ... change the run)."
} > "$OUT"
cat "$TABLE"
log "written to $OUT"
