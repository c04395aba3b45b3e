#!/usr/bin/env bash
# List manager benchmark (issue 5): the real list manager (view, view model, lazy SQLite pages) under headless
# JavaFX (Monocle) over a list of N contacts (default 1,000,000): open, jump to the end, random positions, sort,
# search. Prints how long each step took to show its rows, the page and count query times, and the longest
# FX-thread stall (largest gap between pulses, longest wait of a runLater probe posted every 10 ms).
# Usage: bench/listview.sh     (N=200000 for a quicker run; BUILD=0 to reuse the build; HEAP=256m by default)
# The list is generated and imported once into target/bench/listview-N/ (bench/GenerateContacts.java, the same
# generator as bench/import.sh) and reused by later runs. Everything it writes stays under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
HEAP=${HEAP:-256m}
WORK=$(pwd)/target/bench
DATA=$WORK/listview-$N
JAR=target/broadside.jar
mkdir -p "$WORK"

if [ "${BUILD:-1}" = "1" ] || [ ! -f "$JAR" ] || [ ! -f target/bench-classpath.txt ]; then
  mvn -B -ntp -q package -DskipTests
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi

if [ ! -f "$DATA/broadside.db" ]; then
  echo "== generating and importing $N contacts (once; reused from $DATA later)"
  java bench/GenerateContacts.java "$WORK/listview-contacts.csv" "$N"
  java -Xmx256m -jar "$JAR" --data "$DATA" list import Bench "$WORK/listview-contacts.csv"
  rm -f "$WORK/listview-contacts.csv"
fi

CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "== list manager over $N contacts (Monocle headless, -Xmx$HEAP)"
echo "| step | shown after (ms) | page queries (n: ms) | count queries (n: ms) | FX thread CPU (ms) | longest pulse gap (ms) | longest runLater wait (ms) |"
echo "|---|---|---|---|---|---|---|"
java -Xmx"$HEAP" ${JAVA_OPTS:-} -Djava.io.tmpdir="$WORK" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Dprism.text=t2k -Djava.awt.headless=true -cp "$CP" org.broadside.bench.ListViewBench "$DATA" Bench
echo "== machine"
nproc; uptime
