#!/bin/sh
# The Broadside server under load (issue 16): RFC 8058 one-click POSTs on loopback with wrk, every one to another
# recipient of a sent campaign on the server's own (shared) store, so each is recorded, group-committed and applied
# by the bounce rules. Afterwards the server is stopped (SIGTERM, graceful) and the recorded events are counted: every
# 200 must be one event, and one bounce event.
# Usage: [N=recipients] [DURATION=20s] [CONNS=16] [REPEAT=n] [BUILD=0] bench/serve.sh
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
function request()
  local i = id + 1 + n * step
  n = n + 1
  return wrk.format("POST", paths[i], {["Content-Type"] = "application/x-www-form-urlencoded"}, "List-Unsubscribe=One-Click")
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 end
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
  DATA="$OUT/data-$i"
  rm -rf "$DATA"
  java -cp "$CP" org.broadside.bench.ServeBenchSetup "$DATA" "$N" "$OUT/paths.txt"
  RUN_PORT=$((PORT + i))
  java -Xmx256m -cp "$CP" org.broadside.Launcher --data "$DATA" serve --listen "127.0.0.1:$RUN_PORT" --rate-limit 0 > "$OUT/server-$i.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$RUN_PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
  # A short warm-up on other recipients than the measured ones would still record events; the JIT warms up inside the run.
  PATHS="$OUT/paths.txt" THREADS=2 wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$OUT/oneclick.lua" "http://127.0.0.1:$RUN_PORT" > "$OUT/wrk-$i.txt"
  kill -TERM "$SERVER"; wait "$SERVER" || true
  RESULT=$(grep RESULT "$OUT/wrk-$i.txt")
  EVENTS=$(sqlite3 "$DATA/broadside.db" "SELECT COUNT(*) FROM server_events WHERE kind='UNSUBSCRIBE'")
  BOUNCES=$(sqlite3 "$DATA/broadside.db" "SELECT COUNT(*) FROM bounce_events WHERE kind='UNSUBSCRIBE'")
  echo "run $i: $RESULT server_events=$EVENTS bounce_events=$BOUNCES" | tee -a "$LOG"
done
echo "== load: $(uptime | sed 's/.*load/load/')"
for k in rps p99; do
  vals=$(sed "s/.* $k=\([0-9.]*\).*/\1/" "$LOG" | sort -n)
  n=$(echo "$vals" | wc -l)
  echo "median $k: $(echo "$vals" | sed -n "$(( (n + 1) / 2 ))p") ($(echo $vals | tr ' ' ','))"
done
