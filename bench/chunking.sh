#!/bin/bash
# CHUNKING with a pipelined window (issue 17, ADR 0021): messages per second per connection through a link with a
# round trip of 2 x DELAY_MS, against a real Postfix smtpd (it offers CHUNKING and PIPELINING and queues every
# message with fsync), BDAT with a window of WINDOW messages against DATA on the same link in the same run,
# alternating, then the medians and the median of the same-run ratios.
#
#   bench/chunking.sh                         # 5 KB, 1 connection, 25 ms each way, window 4, 3 alternating repeats
#   REPEAT=5 N=400 bench/chunking.sh
#   WINDOW=8 DELAY_MS=50 BUILD=0 bench/chunking.sh
#
# Needs Debian's postfix package (DEBIAN_FRONTEND=noninteractive apt-get install -y postfix; the system's postfix
# service is never started: $POSTFIX_SINK runs smtpd from a private configuration directory) and python3, which also
# runs the delay proxy (bench/delay_proxy.py). Runs as root (Postfix's set-permissions).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-300}"
SIZE="${SIZE:-5}"
CONNS="${CONNS:-1}"
WINDOW="${WINDOW:-4}"
DELAY_MS="${DELAY_MS:-25}"
REPEAT="${REPEAT:-3}"
DURABILITY="${DURABILITY:-crash-safe}"
POSTFIX_SINK="${POSTFIX_SINK:-/work/shared/tools/postfix-sink.sh}"
OUT=target/bench/chunking
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ "${BUILD:-1}" = 1 ]; then mvn -B -ntp -q -DskipTests package; fi
JAR="${JAR:-target/broadside.jar}"
BS() { java $JAVA_OPTS -jar "$JAR" "$@"; }

PF_PORT=$("$POSTFIX_SINK" start "$OUT/postfix")
PROXY_PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
python3 bench/delay_proxy.py "$PROXY_PORT" "$PF_PORT" "$DELAY_MS" >"$OUT/proxy.log" 2>&1 & PROXY=$!
trap 'kill $PROXY 2>/dev/null; "$POSTFIX_SINK" stop "$OUT/postfix"' EXIT
sleep 0.5

BASE="$OUT/base-$N"
if [ ! -f "$BASE/broadside.db" ]; then
  rm -rf "$BASE"
  python3 bench/make_list.py "$N" "$OUT/list-$N.csv"
  BS --data "$BASE" list import Bench "$OUT/list-$N.csv" >/dev/null
fi
python3 bench/make_campaign.py "$SIZE" "$OUT/campaign-$SIZE.json"

store_stats() {  # data dir -> sent, messages/s between the first attempt and the last receipt, BDAT lines logged
  python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1] + "/broadside.db")
n, first, last = c.execute("SELECT COUNT(*), MIN(first_attempt_at), MAX(updated_at) FROM recipients WHERE state='SENT'").fetchone()
bdat = c.execute("SELECT COUNT(*) FROM connection_log WHERE line LIKE '%BDAT %'").fetchone()[0]
print(f"{n} {n / max(0.001, (last - first) / 1000):.1f} {bdat}")
PY
}
median() {
  python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[2:])):.{sys.argv[1]}f}')" "$@"
}

echo "Postfix smtpd on $PF_PORT behind a proxy on $PROXY_PORT adding ${DELAY_MS} ms each way; $N x ${SIZE} KB, $CONNS connection(s), $DURABILITY"
printf "%-4s %-12s %8s %10s %14s %8s %9s\n" run mode messages msg/s msg/s/conn bdat wall_s
data_rates=() bdat_rates=() ratios=()
for run in $(seq "$REPEAT"); do
  # Alternating, and the order flips each run so neither mode always meets the warmer (or busier) machine.
  modes="data bdat"
  [ $((run % 2)) = 0 ] && modes="bdat data"
  declare -A per=()
  for mode in $modes; do
    window=0
    [ "$mode" = bdat ] && window=$WINDOW
    dir="$OUT/run-$mode"
    rm -rf "$dir"; cp -r "$BASE" "$dir"
    BS --data "$dir" account add Sink --host 127.0.0.1 --port "$PROXY_PORT" --security none --connections "$CONNS" \
      --per-connection 0 --chunking-window "$window" >/dev/null
    python3 - "$OUT/campaign-$SIZE.json" "$dir/campaign.json" "$DURABILITY" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["delivery"] = {"durability": sys.argv[3]}
json.dump(d, open(sys.argv[2], "w"))
PY
    start=$(date +%s.%N)
    BS --data "$dir" send --quiet --no-dns "$dir/campaign.json" >/dev/null
    end=$(date +%s.%N)
    read -r sent rate bdat < <(store_stats "$dir")
    if [ "$mode" = bdat ] && [ "$bdat" = 0 ]; then echo "no BDAT was logged: does the server offer CHUNKING?" >&2; exit 1; fi
    if [ "$mode" = data ] && [ "$bdat" != 0 ]; then echo "BDAT was logged with the window off" >&2; exit 1; fi
    perconn=$(python3 -c "print(f'{$rate / $CONNS:.1f}')")
    per[$mode]=$perconn
    printf "%-4s %-12s %8s %10s %14s %8s %9.1f\n" "$run" "$mode" "$sent" "$rate" "$perconn" "$bdat" "$(python3 -c "print($end - $start)")"
  done
  data_rates+=("${per[data]}"); bdat_rates+=("${per[bdat]}")
  ratios+=("$(python3 -c "print(f'{${per[bdat]} / ${per[data]}:.2f}')")")
  unset per
done
printf "median: DATA %s msg/s/conn, BDAT window %s %s msg/s/conn, same-run ratio %sx (runs: %s)\n" \
  "$(median 1 "${data_rates[@]}")" "$WINDOW" "$(median 1 "${bdat_rates[@]}")" "$(median 2 "${ratios[@]}")" "${ratios[*]}"
