#!/usr/bin/env bash
# Scale and load measurements for the store and the server (issue 7's bar). Not part of CI:
# it takes minutes and wants an otherwise idle machine.
#
#   bench/scale.sh [COUNT]        # default 10000 articles
#
# 1. writes COUNT synthetic articles (copies of examples/ with renamed entities, never
#    committed) and times `parallax ingest` into a fresh SQLite file;
# 2. serves it and measures story pages and searches with wrk (200 connections, loopback);
# 3. if PARALLAX_TEST_POSTGRES_URL names a server: enqueues the same articles in a fresh
#    PostgreSQL database, runs two workers, kills one with SIGKILL midway, and checks that
#    every article was stored exactly once.
# Needs wrk (apt-get install wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-10000}"
DURATION="${BENCH_DURATION:-20s}"
# BENCH_DIR keeps the corpus and the SQLite file between runs (ingest is then skipped).
WORK="${BENCH_DIR:-$(mktemp -d /tmp/parallax-bench.XXXXXX)}"
mkdir -p "$WORK"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    if [ -z "${BENCH_DIR:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
cargo build --release -q -p parallax-cli
cargo build --release -q -p parallax-store --example synth_corpus
command -v psql >/dev/null || PATH="$PATH:$(dirname "$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)")"
BIN="${CARGO_TARGET_DIR:-target}/release"
if [ ! -f "$WORK/bench.db" ]; then
    "$BIN/examples/synth_corpus" "$WORK/corpus" "$COUNT"
    echo "== $COUNT synthetic articles in $WORK/corpus ($(du -sh "$WORK/corpus" | cut -f1))"
    echo "== ingest into SQLite"
    start=$(date +%s.%N)
    "$BIN/parallax" ingest --db "$WORK/bench.db" "$WORK/corpus"
    end=$(date +%s.%N)
    python3 -c "print(f'ingest: {($end-$start):.1f} s, {$COUNT/($end-$start):.0f} articles/s')"
    ls -l "$WORK/bench.db" | awk '{print "database file:", $5, "bytes"}'
fi

"$BIN/parallax" stories --db "$WORK/bench.db" --format json --limit 100000 \
    | python3 -c 'import json,sys; [print("/stories/%d" % s["id"]) for s in json.load(sys.stdin)]' > "$WORK/story-paths"
echo "stories: $(wc -l < "$WORK/story-paths")"
# Queries: common words (thousands of matches) and rare entity names (a handful).
python3 - "$WORK" <<'PY' > "$WORK/search-paths"
import os, random, sys, urllib.parse
work = sys.argv[1]
random.seed(7)
common = ["strike", "troops", "dock workers", "earthquake", "killed", "government said", "police", "rescue teams"]
names = set()
files = sorted(os.listdir(os.path.join(work, "corpus")))
for name in random.sample(files, min(200, len(files))):
    words = open(os.path.join(work, "corpus", name), encoding="utf-8").read().split()
    names.update(w.strip(".,’'\"“”") for w in words[5:60] if w[:1].isupper() and len(w) > 7)
queries = common * 25 + sorted(names)[:200]
for q in queries:
    print("/search?q=" + urllib.parse.quote_plus(q))
# Queries never asked twice (so never answered from the server's result cache): entity
# names from every article, alone or after a common word.
names = set()
for name in files:
    words = open(os.path.join(work, "corpus", name), encoding="utf-8").read().split()
    names.update(w.strip(".,’'\"“”") for w in words if w[:1].isupper() and len(w) > 7)
distinct = [n if i % 2 else random.choice(common) + " " + n for i, n in enumerate(sorted(names))]
random.shuffle(distinct)
with open(os.path.join(work, "search-distinct-paths"), "w") as out:
    for q in distinct:
        out.write("/search?q=" + urllib.parse.quote_plus(q) + "\n")
PY
echo "search queries: $(sort -u "$WORK/search-paths" | wc -l) distinct in the repeated mix, $(wc -l < "$WORK/search-distinct-paths") never repeated"

"$BIN/parallax" serve --db "$WORK/bench.db" --bind 127.0.0.1:18080 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:18080/ && break; sleep 0.2; done
# Story pages twice: the first pass renders every page once (cold cache), the second
# serves rendered pages. The repeated search mix is answered from the result cache after
# its first occurrence; the "never-repeated" queries are tens of thousands, picked at
# random, so that few repeat within a run and nearly all reach the database.
# The server's CPU time per request (user + system, from /proc) shows the cost apart from
# the queueing that latency under load also measures.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
for kind in story story search search-distinct; do
    echo "== $kind: wrk, 2 threads, 200 connections, $DURATION"
    before=$(server_ticks)
    out=$(wrk -t2 -c200 -d"$DURATION" --latency -s bench/paths.lua http://127.0.0.1:18080 -- "$WORK/$kind-paths")
    after=$(server_ticks)
    echo "$out" | sed -n '/Latency Distribution/,/Transfer/p'
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    python3 -c "print(f'server CPU per request: {($after - $before) / $(getconf CLK_TCK) / $requests * 1000:.3f} ms')"
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$SERVER_PID"; SERVER_PID=""

if [ -n "${PARALLAX_TEST_POSTGRES_URL:-}" ]; then
    echo "== PostgreSQL: two workers, one killed with SIGKILL"
    DB="parallax_bench_$$"
    psql "$PARALLAX_TEST_POSTGRES_URL" -qc "CREATE DATABASE $DB"
    URL="${PARALLAX_TEST_POSTGRES_URL%/*}/$DB"
    "$BIN/parallax" ingest --db "$URL" --enqueue-only "$WORK/corpus"
    start=$(date +%s.%N)
    "$BIN/parallax" worker --db "$URL" --name left --lease-secs 5 --exit-when-idle 2>"$WORK/left.log" & LEFT=$!
    "$BIN/parallax" worker --db "$URL" --name right --lease-secs 5 --exit-when-idle 2>"$WORK/right.log" & RIGHT=$!
    sleep "${KILL_AFTER:-15}"
    psql "$URL" -Atc "SELECT 'at the kill: ' || count(*) FILTER (WHERE status = 'done') || ' done, ' || count(*) FILTER (WHERE claimed_by = 'left') || ' held by the killed worker' FROM articles"
    kill -9 "$LEFT"
    wait "$RIGHT"
    end=$(date +%s.%N)
    python3 -c "print(f'workers: {($end-$start):.1f} s')"
    psql "$URL" -Atc "SELECT count(*) || ' articles, ' || count(*) FILTER (WHERE status = 'done') || ' done, ' || count(*) FILTER (WHERE status <> 'done') || ' not done, ' || count(*) FILTER (WHERE processed_count > 1) || ' stored twice, ' || count(*) FILTER (WHERE attempts > 1) || ' claimed again after the kill' FROM articles"
    psql "$URL" -Atc "SELECT count(*) || ' stories, ' || sum(article_count) || ' articles in stories' FROM stories"
    psql "$PARALLAX_TEST_POSTGRES_URL" -qc "DROP DATABASE $DB WITH (FORCE)"
fi
