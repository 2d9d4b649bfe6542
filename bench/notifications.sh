#!/usr/bin/env bash
# Notifications: how fast the notifications group fans a new question out to the followers of its tag, and how long
# an answer takes to reach the header count of the members who follow its question. Writes
# bench/results/notifications.md.
# Usage: bench/notifications.sh
#   QA_NOTIFY_FOLLOWERS   followers of the tag (default 10000)
#   QA_NOTIFY_QUESTIONS   new questions in that tag per measured round (default 20), QA_NOTIFY_ROUNDS rounds (default 3)
#   QA_NOTIFY_READERS     members with /ws/me open who follow one question (default 1000; at most the followers)
#   QA_NOTIFY_ANSWERS, QA_NOTIFY_RATE   answers posted to that question, and per second (default 20, 1)
#
# Everything happens in scratch places of its own: the PostgreSQL database qa_bench_notifications (created when
# missing; the site's first start makes its tables; the members, the tag and the question below are added once and
# kept), the Redis databases 13 (streams), 14 (cache) and 15 (locks), flushed at the start and at the end, and ports
# 8590 and 8592 (its management interface, where the metrics are) for the site. PostgreSQL, Redis and maildev are left
# running as they were (bin/services starts them when they are not running).
#
# Fan-out: the members bench-f-1 ... bench-f-N follow the tag bench-fanout. Each round inserts QUESTIONS questions
# with that tag by bench-asker and their question.created outbox rows in one SQL statement; the relay's sweep
# publishes them and the notifications group makes one notification per (question, follower), a batch of
# qa.notifications.fan-out-batch (500) members per stream entry (the question's own, then notifications.fan-out ones).
# Timing starts at the first XADD (the Redis id of the round's first entry) and ends when the group has handled the
# round's entries and shows no lag and nothing pending; then every notification must be there, once.
#
# Badge: bench-f-1 ... bench-f-READERS follow one question of bench-asker. The client
# (bench/notifications/NotificationsBench.java, run with the source launcher on the packaged site's own Vert.x,
# Netty, Jackson and bcrypt jars) logs them in, opens each one's /ws/me, waits for its first count, then posts answers as
# bench-answerer through the JSON API and measures, for every (answer, reader), the time from just before the POST to
# that reader's notification frame about the answer, and to the count frame after it.
set -euo pipefail
cd "$(dirname "$0")/.."
FOLLOWERS="${QA_NOTIFY_FOLLOWERS:-10000}"
QUESTIONS="${QA_NOTIFY_QUESTIONS:-20}"
ROUNDS="${QA_NOTIFY_ROUNDS:-3}"
READERS="${QA_NOTIFY_READERS:-1000}"
ANSWERS="${QA_NOTIFY_ANSWERS:-20}"
RATE="${QA_NOTIFY_RATE:-1}"
for v in "$FOLLOWERS" "$QUESTIONS" "$ROUNDS" "$READERS" "$ANSWERS" "$RATE"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/notifications.sh (the QA_NOTIFY_* settings: positive integers)" >&2; exit 2; }
done
[ "$READERS" -le "$FOLLOWERS" ] || { echo "QA_NOTIFY_READERS must not exceed QA_NOTIFY_FOLLOWERS" >&2; exit 2; }

DB=qa_bench_notifications
BENCH_NAME=notifications
# shellcheck source=common.sh
source bench/common.sh
bench_services "$DB"

site_ports 8590 8591 8592 # the site, its mailer (nothing may listen there), its management interface
CLIENT=bench/notifications/NotificationsBench.java
LIB=target/quarkus-app/lib/main
PASSWORD=bench-password
TAG=bench-fanout

trap 'finish_site_run $?' EXIT
trap 'exit 130' INT TERM
require_free_ports

NEED_FDS=$((READERS + 2000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEED_FDS" ]; then
  ulimit -n "$NEED_FDS" 2> /dev/null || { log "ulimit -n is $(ulimit -n), $READERS readers need $NEED_FDS"; exit 1; }
fi
flush_redis

# --- the build, the site and the data -------------------------------------------
build_site
CLIENT_CLASSPATH="$(printf '%s:' "$LIB"/io.vertx.vertx-core-*.jar "$LIB"/io.netty.netty-*.jar \
  "$LIB"/com.fasterxml.jackson.core.jackson-*.jar "$LIB"/io.quarkus.quarkus-elytron-security-common-*.jar \
  "$LIB"/org.wildfly.security.wildfly-elytron-*.jar "$LIB"/org.wildfly.common.wildfly-common-*.jar)"
client() { "$JAVA_HOME/bin/java" -cp "$CLIENT_CLASSPATH" "$CLIENT" "$@"; }

log "starting the site on $BASE_URL (its first start makes the tables of $DB)"
# Every reader comes from 127.0.0.1: the sockets per address (/ws/me and live rooms) are raised; and the poster answers
# faster than a person.
start_app_jar "$JAR" QA_RATE_LIMIT_ANSWER_LIMIT=1000000 QA_LIVE_MAX_SOCKETS_PER_ADDRESS=1000000 \
  QA_LIVE_MAX_ME_SOCKETS_PER_ADDRESS=1000000

HASH="$(client hash --password "$PASSWORD")"
log "members, the tag and the question (once; $(thousands "$FOLLOWERS") followers)"
sql -v hash="$HASH" -v followers="$FOLLOWERS" -v readers="$READERS" -v tag="$TAG" <<'SQL'
INSERT INTO member (username, email, display_name, password_hash, email_verified_at)
SELECT name, name || '@bench.invalid', initcap(replace(name, '-', ' ')), :'hash', now()
FROM (SELECT 'bench-f-' || g AS name FROM generate_series(1, :followers) g
      UNION ALL VALUES ('bench-asker'), ('bench-answerer')) n
ON CONFLICT DO NOTHING;
UPDATE member SET password_hash = :'hash' WHERE username LIKE 'bench-%' AND password_hash <> :'hash';
INSERT INTO tag (name) VALUES (:'tag') ON CONFLICT DO NOTHING;
INSERT INTO tag_follow (member_id, tag_id)
SELECT m.id, t.id FROM member m, tag t
WHERE t.name = :'tag' AND m.username LIKE 'bench-f-%' AND substr(m.username, 9)::int <= :followers
ON CONFLICT DO NOTHING;
INSERT INTO question (author_id, title, body, body_html)
SELECT id, 'Bench: the question every reader follows', 'Its answers reach the followers'' counts.',
       '<p>Its answers reach the followers'' counts.</p>'
FROM member WHERE username = 'bench-asker'
  AND NOT EXISTS (SELECT 1 FROM question WHERE title = 'Bench: the question every reader follows');
INSERT INTO question_follow (member_id, question_id, following)
SELECT m.id, q.id, true FROM member m, question q
WHERE q.title = 'Bench: the question every reader follows' AND m.username LIKE 'bench-f-%'
  AND substr(m.username, 9)::int <= :readers
ON CONFLICT (member_id, question_id) DO UPDATE SET following = true;
-- Questions of earlier runs go, with their notifications; the bench members start with an empty inbox, so that each run
-- counts the same unread notifications.
DELETE FROM question WHERE title LIKE 'Bench fan-out question %';
DELETE FROM notification WHERE member_id IN (SELECT id FROM member WHERE username LIKE 'bench-%');
SQL
FOLLOWING="$(sql -c "SELECT count(*) FROM tag_follow f JOIN tag t ON t.id = f.tag_id WHERE t.name = '$TAG'")"
BADGE_QUESTION="$(sql -c "SELECT id FROM question WHERE title = 'Bench: the question every reader follows'")"

# --- fan-out ------------------------------------------------------------------------
# Entries the notifications group handled and acked so far.
metrics() {
  curl -fsS --max-time 5 "$OPS_URL/q/metrics" | awk '
    /^qa_stream_processed_total\{.*group="notifications"/ { h = $NF } END { printf "%d\n", h }'
}
# "lag pending" of the notifications group (-1 -1 when Redis does not say).
group_state() {
  "${REDIS[@]}" -n "$STREAMS_DB" XINFO GROUPS qa:events | awk '
    $0 == "name" { getline; g = $0; next }
    g == "notifications" && $0 == "pending" { getline; p = $0 }
    g == "notifications" && $0 == "lag" { getline; l = $0 }
    END { printf "%s %s\n", (l == "" ? -1 : l), (p == "" ? -1 : p) }'
}
# One round: "events notifications-made expected first→done-s entries".
fan_out_round() {
  local n="$1" run base_h h lag pending deadline done_at
  run="$(date +%s%N)"
  read -r base_h _ <<< "$(metrics)"
  sql -v n="$n" -v run="$run" -v tag="$TAG" <<'SQL'
WITH q AS (
  INSERT INTO question (author_id, title, body, body_html)
  SELECT a.id, 'Bench fan-out question ' || :'run' || ' #' || g, 'A new question in a tag with many followers.',
         '<p>A new question in a tag with many followers.</p>'
  FROM generate_series(1, :n) g, (SELECT id FROM member WHERE username = 'bench-asker') a
  RETURNING id, author_id),
qt AS (INSERT INTO question_tag (question_id, tag_id) SELECT q.id, t.id FROM q, tag t WHERE t.name = :'tag')
INSERT INTO outbox (event_id, type, version, payload)
SELECT gen_random_uuid(), 'question.created', 1,
       json_build_object('questionId', q.id, 'authorId', q.author_id, 'tags', json_build_array(:'tag'))
FROM q ORDER BY q.id;
SQL
  deadline=$(($(date +%s) + 300 + n * FOLLOWERS / 1000))
  # Done: every notification of the round is there. Asked only while the group has nothing to read (no lag, nothing
  # pending): an idle group alone is not enough, as a fan-out's next batch may be between its commit and its XADD.
  local expected=$((n * FOLLOWING)) made=0
  while :; do
    read -r h _ <<< "$(metrics)"
    if [ "$h" -ge $((base_h + n)) ]; then
      read -r lag pending <<< "$(group_state)"
      if [ "$lag" = 0 ] && [ "$pending" = 0 ]; then
        made="$(sql -c "SELECT count(*) FROM notification n JOIN question q ON q.id = n.question_id
          WHERE q.title LIKE 'Bench fan-out question $run #%'")"
        if [ "$made" -ge "$expected" ]; then done_at="$(date +%s.%N)"; break; fi
      fi
    fi
    kill -0 "$APP_PID" 2> /dev/null || { log "the site stopped"; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { log "the round of $n questions did not finish in time: $h handled"; exit 1; }
    sleep 0.1
  done
  read -r h _ <<< "$(metrics)"
  local first_ms
  first_ms="$(sql -c "SELECT min(split_part(o.stream_id, '-', 1)::bigint) FROM outbox o
    WHERE o.type = 'question.created' AND o.payload ->> 'questionId' IN
      (SELECT id::text FROM question WHERE title LIKE 'Bench fan-out question $run #%')")"
  # Once more, a moment later: a second notification for a (question, follower) would show here.
  sleep 1
  made="$(sql -c "SELECT count(*) FROM notification n JOIN question q ON q.id = n.question_id
    WHERE q.title LIKE 'Bench fan-out question $run #%'")"
  awk -v n="$n" -v first="$first_ms" -v t="$done_at" -v made="$made" -v expected="$expected" -v entries=$((h - base_h)) \
    'BEGIN { printf "%d %d %d %.2f %d\n", n, made, expected, t - first / 1000, entries }'
}

RESULTS=()
LOAD_BEFORE="$(loadavg)"
log "warm-up: 2 questions to $(thousands "$FOLLOWING") followers (not reported)"
fan_out_round 2 > /dev/null
for r in $(seq 1 "$ROUNDS"); do
  log "round $r: $QUESTIONS new questions in [$TAG], $(thousands "$FOLLOWING") followers"
  fan_out_round "$QUESTIONS" > "$WORK/round"
  read -r n made expected span entries < "$WORK/round"
  [ "$made" -eq "$expected" ] || log "round $r: $made notifications where $expected were expected"
  log "round $r: $made notifications in $span s ($entries entries through the group)"
  RESULTS+=("$r $n $made $expected $span $entries")
done

# --- badge ----------------------------------------------------------------------------
log "badge warm-up: 100 readers, 5 answers (not reported)"
client badge --base "$BASE_URL" --question "$BADGE_QUESTION" --readers 100 --reader-prefix bench-f- \
  --password "$PASSWORD" --poster bench-answerer --answers 5 --rate 2 > /dev/null || { log "the warm-up failed"; exit 1; }
log "badge: $READERS readers with /ws/me open, $ANSWERS answers at $RATE/s to /questions/$BADGE_QUESTION"
rss_before="$(ps -o rss= -p "$APP_PID")"
line="$(client badge --base "$BASE_URL" --question "$BADGE_QUESTION" --readers "$READERS" --reader-prefix bench-f- \
  --password "$PASSWORD" --poster bench-answerer --answers "$ANSWERS" --rate "$RATE" | grep '^RESULT ')" \
  || { log "the client failed"; exit 1; }
rss_after="$(ps -o rss= -p "$APP_PID")"
declare -A B
for kv in ${line#RESULT }; do B["${kv%%=*}"]="${kv#*=}"; done
problems="$(grep -cE '^[0-9-]+ [0-9:,.]+ +(WARN|ERROR)' "$WORK/app.log" || true)"
LOAD_AFTER="$(loadavg)"
stop_app

# --- the report -----------------------------------------------------------------------
PG_VERSION="$(sql -c "SHOW server_version")"
REDIS_VERSION="$("${REDIS[@]}" INFO server | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r')"
JAVA_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEMORY="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
{
  echo "# Notifications: fan-out and the live count"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEMORY memory; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
  echo "- PostgreSQL $PG_VERSION, Redis $REDIS_VERSION (both with default settings, on this machine), $JAVA_VERSION"
  echo "- One instance of the site (\`java @src/main/jvm/jvm.options -jar $JAR\`, with the AOT cache when fresh, built from $BUILD), database \`$DB\`"
  echo
  echo "## Fan-out: new questions in a tag with $(thousands "$FOLLOWING") followers"
  echo
  echo "| round | questions (events) | notifications made | expected | first XADD → all made s | events/s | notifications/s | entries through the group |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${RESULTS[@]}"; do
    read -r r n made expected span entries <<< "$row"
    eps="$(awk -v n="$n" -v s="$span" 'BEGIN { printf "%.2f", n / s }')"
    nps="$(awk -v m="$made" -v s="$span" 'BEGIN { printf "%d", m / s }')"
    echo "| $r | $n | $(thousands "$made") | $(thousands "$expected") | $span | $eps | $(thousands "$nps") | $(thousands "$entries") |"
  done
  echo
  echo "- Each event makes one notification per follower, 500 members at a time: its own entry makes the first batch"
  echo "  and records a \`notifications.fan-out\` event for the next, which comes through the stream behind what is"
  echo "  already waiting, and so on; each batch also records one \`notifications.created\` event for the followers'"
  echo "  open pages. **entries through the group** counts all of them (the group reads every entry of the stream)."
  echo "- **notifications made** counts the rows of the round's questions once the group was idle: it must equal"
  echo "  **expected** (questions × followers), with none twice (a unique key on event and member)."
  echo "- **first XADD → all made**: from the Redis id of the round's first entry until every notification of the"
  echo "  round was in the database, asked (every 0.1 s) whenever \`XINFO GROUPS\` showed the group with no lag and"
  echo "  nothing pending; counted again a second later for the table."
  echo "- The other consumer groups read on threads of their own; the notifications group handles other events"
  echo "  between the batches of a large fan-out, so none waits longer than a batch."
  echo
  echo "## The live count: an answer to a question that $(thousands "${B[open]}") connected members follow"
  echo
  echo "| readers open | answers | frames expected | received | missing | duplicated | notification p50 ms | p99 ms | max ms | count frame p50 ms | p99 ms | site RSS MiB (before → after) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $(thousands "${B[open]}") | ${B[created]} | $(thousands "${B[expected]}") | $(thousands "${B[received]}") | ${B[missing]} | ${B[duplicated]} | ${B[p50_ms]} | ${B[p99_ms]} | ${B[max_ms]} | ${B[count_p50_ms]} | ${B[count_p99_ms]} | $((rss_before / 1024)) → $((rss_after / 1024)) |"
  echo
  echo "- For every (answer, reader): from just before the client sent \`POST /api/v1/questions/$BADGE_QUESTION/answers\`"
  echo "  to the reader's \`{\"type\":\"notification\"}\` frame about that answer on \`/ws/me\`, and to the"
  echo "  \`{\"type\":\"unread\"}\` frame after it (the badge's new number): the request, the outbox and relay, the"
  echo "  notifications group's fan-out (two batches of 500), its \`notifications.created\` events through the relay"
  echo "  again, the site's stream reader, one query for the lines and one for the counts, and the sockets."
  echo "- Readers greeted with their count before the first answer: ${B[greeted]} of ${B[open]}; sockets that did not"
  echo "  open: ${B[open_failed]}; closed by the site: ${B[closed_early]}; errors: ${B[errors]}; frames of an unknown"
  echo "  type: ${B[other]}; WARN/ERROR lines in the site's log: $problems (the mailer points at a port where"
  echo "  nothing listens, on purpose)."
  echo "- Before the measured round, an untimed one (100 readers, 5 answers) brings this path to the JIT compiler."
  echo "- Every reader comes from 127.0.0.1: the site runs with \`QA_LIVE_MAX_ME_SOCKETS_PER_ADDRESS\` (and the rooms'"
  echo "  limit) raised, and the answer rate limit too; readers log in with a bcrypt hash of cost 4 (bench members only)."
  echo "- The site, PostgreSQL, Redis and the client (all ${B[open]} sockets) share the machine's CPUs."
  echo
  echo "Reproduce with \`bench/notifications.sh\` (\`QA_NOTIFY_FOLLOWERS\`, \`QA_NOTIFY_QUESTIONS\`, \`QA_NOTIFY_READERS\`,"
  echo "\`QA_NOTIFY_ANSWERS\`, \`QA_NOTIFY_RATE\` change the sizes)."
} > "$OUT"
cat "$OUT"
