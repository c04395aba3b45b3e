#!/usr/bin/env bash
# Issue 15, item 4: the same campaign sent on this computer's SQLite store and on a team store (PostgreSQL on loopback,
# bench/pg-server.sh), into Postfix's smtp-sink, alternating in one run so both see the same machine. Prints, per run,
# the store rate (messages per second between the first attempt and the last receipt, read from the store) and the
# whole command's wall time, then the medians and the team/SQLite ratios.
#   N=20000 REPEAT=3 CONNS=4 SIZE=5 DURABILITY=crash-safe bench/team-store.sh
# Needs Debian's postfix package for smtp-sink (never start the postfix daemon) and target/broadside.jar (BUILD=0 skips
# the build). Only loopback addresses.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}; REPEAT=${REPEAT:-3}; CONNS=${CONNS:-4}; SIZE=${SIZE:-5}; DURABILITY=${DURABILITY:-crash-safe}
PORT=${PORT:-2526}; OUT=target/bench/team-store; JAR=target/broadside.jar
command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix (do not start the daemon)"; exit 2; }
[ "${BUILD:-1}" = 1 ] && mvn -B -ntp -q package -DskipTests
mkdir -p "$OUT"
BS() { java -jar "$JAR" "$@"; }

SINK_USER=(); [ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
smtp-sink "${SINK_USER[@]}" 127.0.0.1:$PORT 1000 & SINK=$!
PG_PORT=$(bench/pg-server.sh start "$OUT/pg")
trap 'kill $SINK 2>/dev/null; bench/pg-server.sh stop "$OUT/pg"' EXIT
PSQL() { PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

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

sqlite_rate() { python3 - "$1" <<'PY'
import sqlite3, sys
n, first, last = sqlite3.connect(sys.argv[1] + "/broadside.db").execute(
    "SELECT COUNT(*), MIN(first_attempt_at), MAX(updated_at) FROM recipients WHERE state='SENT'").fetchone()
print(n, round(n / max(0.001, (last - first) / 1000)))
PY
}
team_rate() { psql -At -F' ' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c \
  "SELECT COUNT(*), MIN(first_attempt_at), MAX(updated_at) FROM recipients WHERE state='SENT'" |
  python3 -c "import sys; n,f,l=map(int,sys.stdin.read().split()); print(n, round(n/max(0.001,(l-f)/1000)))"; }

printf "%-4s %-7s %8s %10s %8s %9s\n" run store sent store/s wall_s whole/s
declare -a S_RATE T_RATE S_WHOLE T_WHOLE
for run in $(seq "$REPEAT"); do
  for store in sqlite team; do
    dir="$OUT/run-$store"; rm -rf "$dir"; cp -r "$BASE" "$dir"
    ARGS=(--data "$dir")
    if [ "$store" = team ]; then
      db="bench_$run"
      PSQL -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
      url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db?user=postgres"
      BS --data "$dir" store copy --to "$url" >/dev/null   # the same list, moved as a user would
      ARGS+=(--store "$url")
    fi
    BS "${ARGS[@]}" account add Sink --host 127.0.0.1 --port $PORT --security none --connections "$CONNS" >/dev/null
    start=$(date +%s.%N)
    BS "${ARGS[@]}" send --quiet --no-dns "$OUT/campaign.json" >/dev/null
    end=$(date +%s.%N)
    if [ "$store" = team ]; then read -r sent r < <(team_rate "$db"); else read -r sent r < <(sqlite_rate "$dir"); fi
    wall=$(python3 -c "print(f'{$end - $start:.1f}')"); whole=$(python3 -c "print(round($sent / ($end - $start)))")
    printf "%-4s %-7s %8s %10s %8s %9s\n" "$run" "$store" "$sent" "$r" "$wall" "$whole"
    if [ "$store" = team ]; then T_RATE+=("$r"); T_WHOLE+=("$whole"); else S_RATE+=("$r"); S_WHOLE+=("$whole"); fi
  done
done
python3 - "${S_RATE[*]}" "${T_RATE[*]}" "${S_WHOLE[*]}" "${T_WHOLE[*]}" <<'PY'
import statistics as st, sys
s, t, sw, tw = ([float(x) for x in a.split()] for a in sys.argv[1:5])
print(f"median store rate: sqlite {st.median(s):.0f}/s, team {st.median(t):.0f}/s, team/sqlite {st.median(t)/st.median(s):.2f}"
      f" (per run: {' '.join(f'{b/a:.2f}' for a, b in zip(s, t))})")
print(f"median whole command: sqlite {st.median(sw):.0f}/s, team {st.median(tw):.0f}/s, team/sqlite {st.median(tw)/st.median(sw):.2f}"
      f" (per run: {' '.join(f'{b/a:.2f}' for a, b in zip(sw, tw))})")
PY
