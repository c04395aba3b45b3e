#!/bin/bash
# A 1,000,000-recipient campaign with a 256 MB heap (issue 3): imports a generated list once, then sends a personalised
# 5 KB campaign to every contact over CONNS connections to Postfix's smtp-sink on loopback, crash-safe durability,
# with the GC log on. Prints the send rate (from the store) and the live heap after collections.
#
#   bench/million.sh                  # 1,000,000 recipients, 16 connections
#   N=200000 CONNS=4 BUILD=0 bench/million.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000000}"
CONNS="${CONNS:-16}"
PORT="${PORT:-25260}"
OUT=target/bench/million
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix (do not start the daemon)"; exit 2; }
mkdir -p "$OUT"
if [ "${BUILD:-1}" = 1 ]; then mvn -B -ntp -q -DskipTests package; fi
BS() { java $JAVA_OPTS "$@"; }

BASE="$OUT/base-$N"
if [ ! -f "$BASE/broadside.db" ]; then
  rm -rf "$BASE"
  python3 bench/make_list.py "$N" "$OUT/list-$N.csv"
  BS -jar target/broadside.jar --data "$BASE" list import Bench "$OUT/list-$N.csv" >/dev/null
fi
SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
smtp-sink "${SINK_USER[@]}" 127.0.0.1:$PORT 1000 & SINK=$!
trap 'kill $SINK 2>/dev/null' EXIT
sleep 0.5

dir="$OUT/run"
rm -rf "$dir"; cp -r "$BASE" "$dir"
BS -jar target/broadside.jar --data "$dir" account add Sink --host 127.0.0.1 --port $PORT --security none \
  --connections "$CONNS" --per-connection 0 >/dev/null
python3 bench/make_campaign.py 5 "$dir/campaign.json"
python3 - "$dir/campaign.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["delivery"] = {"durability": "crash-safe"}
json.dump(d, open(sys.argv[1], "w"))
PY
start=$(date +%s.%N)
/usr/bin/time -f "%M KB peak RSS, %U s user, %S s system" \
  java $JAVA_OPTS -Xlog:gc:file="$OUT/gc.log" -jar target/broadside.jar --data "$dir" send --quiet --no-dns "$dir/campaign.json" >/dev/null
end=$(date +%s.%N)
python3 - "$dir" "$OUT/gc.log" "$start" "$end" <<'PY'
import re, sqlite3, sys
c = sqlite3.connect(sys.argv[1] + "/broadside.db")
n, first, last = c.execute("SELECT COUNT(*), MIN(first_attempt_at), MAX(updated_at) FROM recipients WHERE state='SENT'").fetchone()
other = c.execute("SELECT state, COUNT(*) FROM recipients WHERE state <> 'SENT' GROUP BY state").fetchall()
after = [int(m.group(1)) for m in re.finditer(r"Pause Young.*?->(\d+)M", open(sys.argv[2]).read())]
print(f"{n} SENT, others {other}, {n / max(0.001, (last - first) / 1000):.0f} msg/s (first attempt to last receipt), "
      f"{float(sys.argv[4]) - float(sys.argv[3]):.0f} s for the whole command")
if after:
    print(f"heap after young collections: median {sorted(after)[len(after) // 2]} MB, max {max(after)} MB ({len(after)} collections)")
PY
ls "$dir/journal" 2>/dev/null | wc -l | xargs echo "journal files left:"
