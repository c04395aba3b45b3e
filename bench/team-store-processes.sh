#!/usr/bin/env bash
# Issue 15, item 4: one campaign of a team store (PostgreSQL on loopback, bench/pg-server.sh) sent by one process and
# by three processes together (each with its own data directory, as on three machines; each CONNS connections), into
# Postfix's smtp-sink, alternating in one run. Prints per run the store rate (messages per second between the first
# attempt and the last receipt, from the store), the wall time until every process had exited, how many recipients each
# process sent and the number of attempts recorded (equal to the recipients: nobody was sent twice); then the medians and the three/one ratios.
#   N=20000 REPEAT=3 CONNS=4 SIZE=5 bench/team-store-processes.sh
#   N=1000000 REPEAT=1 PROCS=3 HEAP=256m bench/team-store-processes.sh   (a million recipients, each heap capped)
# Needs Debian's postfix package for smtp-sink (never start the postfix daemon) and target/broadside.jar (BUILD=0 skips
# the build). Only loopback addresses.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}; REPEAT=${REPEAT:-3}; CONNS=${CONNS:-4}; SIZE=${SIZE:-5}; DURABILITY=${DURABILITY:-crash-safe}
PROCS=${PROCS:-1 3}; HEAP=${HEAP:-}
PORT=${PORT:-2527}; OUT=target/bench/team-processes; JAR=target/broadside.jar
command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix (do not start the daemon)"; exit 2; }
[ "${BUILD:-1}" = 1 ] && mvn -B -ntp -q package -DskipTests
mkdir -p "$OUT"
BS() { java ${HEAP:+-Xmx$HEAP} -jar "$JAR" "$@"; }

SINK_USER=(); [ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
smtp-sink "${SINK_USER[@]}" 127.0.0.1:$PORT 1000 & SINK=$!
PG_PORT=$(bench/pg-server.sh start "$OUT/pg")
trap 'kill $SINK 2>/dev/null; bench/pg-server.sh stop "$OUT/pg"' EXIT
PSQL() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
Q() { psql -At -F' ' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"; }

BASE="$OUT/base-$N"
if [ ! -f "$BASE/broadside.db" ]; then
  rm -rf "$BASE"
  python3 bench/make_list.py "$N" "$OUT/list-$N.csv"
  BS --data "$BASE" list import Bench "$OUT/list-$N.csv" >/dev/null
fi
python3 bench/make_campaign.py "$SIZE" "$OUT/campaign.json"
python3 - "$OUT/campaign.json" "$DURABILITY" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["delivery"] = {"durability": sys.argv[2]}; json.dump(d, open(sys.argv[1], "w"))
PY

printf "%-4s %-6s %8s %10s %8s %9s  %-22s %s\n" run procs sent store/s wall_s whole/s "sent per process" attempts
R1=(); R3=(); W1=(); W3=()
for run in $(seq "$REPEAT"); do
  for procs in $PROCS; do
    db="bench_${run}_$procs"
    PSQL -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db?user=postgres"
    dir="$OUT/run-0"; rm -rf "$OUT"/run-*; cp -r "$BASE" "$dir"
    BS --data "$dir" store copy --to "$url" >/dev/null
    BS --data "$dir" --store "$url" account add Sink --host 127.0.0.1 --port $PORT --security none --connections "$CONNS" >/dev/null
    start=$(date +%s.%N)
    pids=()
    for p in $(seq 0 $((procs - 1))); do
      mkdir -p "$OUT/run-$p"
      BS --data "$OUT/run-$p" --store "$url" send --quiet --no-dns "$OUT/campaign.json" >"$OUT/run-$p.log" 2>&1 & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo "a sender failed:"; cat "$OUT"/run-*.log; exit 1; }; done
    end=$(date +%s.%N)
    read -r sent first last < <(Q "$db" "SELECT COUNT(*), MIN(first_attempt_at), MAX(updated_at) FROM recipients WHERE state='SENT'")
    per=$(Q "$db" "SELECT string_agg(n::text, '+' ORDER BY n DESC) FROM (SELECT COUNT(*) n FROM recipients WHERE state='SENT' GROUP BY run_id) x")
    attempts=$(Q "$db" "SELECT SUM(attempts) FROM recipients")
    r=$(python3 -c "print(round($sent / max(0.001, ($last - $first) / 1000)))")
    wall=$(python3 -c "print(f'{$end - $start:.1f}')"); whole=$(python3 -c "print(round($sent / ($end - $start)))")
    printf "%-4s %-6s %8s %10s %8s %9s  %-22s %s\n" "$run" "$procs" "$sent" "$r" "$wall" "$whole" "$per" "$attempts"
    [ "$sent" = "$N" ] || { echo "not every recipient was sent ($sent of $N)"; exit 1; }
    if [ "$procs" = 1 ]; then R1+=("$r"); W1+=("$whole"); else R3+=("$r"); W3+=("$whole"); fi
  done
done
[ "${#R1[@]}" -gt 0 ] && [ "${#R3[@]}" -gt 0 ] || exit 0
python3 - "${R1[*]}" "${R3[*]}" "${W1[*]}" "${W3[*]}" <<'PY'
import statistics as st, sys
a, b, wa, wb = ([float(x) for x in s.split()] for s in sys.argv[1:5])
print(f"median store rate: one process {st.median(a):.0f}/s, three {st.median(b):.0f}/s, three/one {st.median(b)/st.median(a):.2f}"
      f" (per run: {' '.join(f'{y/x:.2f}' for x, y in zip(a, b))})")
print(f"median whole command: one {st.median(wa):.0f}/s, three {st.median(wb):.0f}/s, three/one {st.median(wb)/st.median(wa):.2f}"
      f" (per run: {' '.join(f'{y/x:.2f}' for x, y in zip(wa, wb))})")
PY
