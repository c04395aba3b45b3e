#!/bin/sh
# The Broadside server under load (issue 16), on loopback with wrk. MODES (default "health oneclick click"), each run
# in turn on a fresh server, REPEAT times:
#   health    GET /health: the HTTP layer alone, the reference for the same load
#   oneclick  RFC 8058 POSTs, every one to another recipient of a sent campaign on the server's own (shared) store, so
#             each is recorded, group-committed and applied by the bounce rules
#   click     tracked-link GETs (302), each recorded
# Afterwards the server is stopped (SIGTERM, graceful) and the recorded events are counted: every 200 (302) must be
# one event (and, for one-click, one bounce event).
# Usage: [MODES="..."] [N=recipients] [DURATION=20s] [CONNS=16] [REPEAT=n] [BUILD=0] bench/serve.sh
# Needs: wrk (apt-get install wrk), sqlite3.
set -e
cd "$(dirname "$0")/.."
if [ "${BUILD:-1}" != 0 ]; then
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
OUT=target/bench/serve
# A copy of the classes, so that compiling while the benchmark runs cannot pull them from under it.
rm -rf "$OUT/classes" "$OUT/test-classes" && mkdir -p "$OUT" && cp -r target/classes "$OUT/classes" && cp -r target/test-classes "$OUT/test-classes"
CP="$OUT/classes:$OUT/test-classes:$(cat target/bench-classpath.txt)"
N="${N:-300000}"
DURATION="${DURATION:-20s}"
CONNS="${CONNS:-16}"
REPEAT="${REPEAT:-1}"
MODES="${MODES:-health oneclick click}"
PORT="${PORT:-18089}"
LOG="$OUT/results.log"
: > "$LOG"
cat > "$OUT/oneclick.lua" <<'LUA'
-- Each wrk thread walks its own slice of the paths, so no recipient is posted twice.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  n = 0
  step = tonumber(os.getenv("THREADS"))
  ok = 0
end
local mode = os.getenv("MODE")
function request()
  local i = id + 1 + n * step
  n = n + 1
  if mode == "health" then return wrk.format("GET", "/health") end
  if mode == "click" then return wrk.format("GET", paths[i]) end
  return wrk.format("POST", paths[i], {["Content-Type"] = "application/x-www-form-urlencoded"}, "List-Unsubscribe=One-Click")
end
function response(status, headers, body)
  if status == 200 or status == 302 then ok = ok + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("ok") end
  io.write(string.format("RESULT requests=%d ok=%d rps=%.0f p50=%.2fms p99=%.2fms max=%.2fms\n", summary.requests, total,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
i=0
while [ "$i" -lt "$REPEAT" ]; do
  i=$((i + 1))
  for mode in $MODES; do
    DATA="$OUT/data-$mode-$i"
    rm -rf "$DATA"
    java -cp "$CP" org.broadside.bench.ServeBenchSetup "$DATA" "$N" "$OUT/paths.txt" "$OUT/clicks.txt"
    RUN_PORT=$((PORT + i))
    java -Xmx256m -cp "$CP" org.broadside.Launcher --data "$DATA" serve --listen "127.0.0.1:$RUN_PORT" --rate-limit 0 > "$OUT/server-$mode-$i.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$RUN_PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
    FILE="$OUT/paths.txt"; [ "$mode" = click ] && FILE="$OUT/clicks.txt"
    MODE="$mode" PATHS="$FILE" THREADS=2 wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$OUT/oneclick.lua" "http://127.0.0.1:$RUN_PORT" > "$OUT/wrk-$mode-$i.txt"
    kill -TERM "$SERVER"; wait "$SERVER" || true
    RESULT=$(grep RESULT "$OUT/wrk-$mode-$i.txt")
    EVENTS=$(sqlite3 "$DATA/broadside.db" "SELECT COUNT(*) FROM server_events")
    BOUNCES=$(sqlite3 "$DATA/broadside.db" "SELECT COUNT(*) FROM bounce_events WHERE kind='UNSUBSCRIBE'")
    echo "$mode run $i: $RESULT server_events=$EVENTS bounce_events=$BOUNCES" | tee -a "$LOG"
  done
done
echo "== load: $(uptime | sed 's/.*load/load/')"
for mode in $MODES; do
  for k in rps p99; do
    vals=$(grep "^$mode " "$LOG" | sed "s/.* $k=\([0-9.]*\).*/\1/" | sort -n)
    n=$(echo "$vals" | wc -l)
    echo "$mode median $k: $(echo "$vals" | sed -n "$(( (n + 1) / 2 ))p") ($(echo $vals | tr ' ' ','))"
  done
done
