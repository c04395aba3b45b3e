#!/bin/sh
# Merge + MIME speed on one thread (issue 2, issue 17): a 5 KB HTML campaign with 5 fields and one IF.
# Usage: [REPEAT=n] [BASELINE=git-rev] [BUILD=0] bench/compose.sh [CPU seconds per run]
#   REPEAT:   runs per mode (text given, text generated); prints the median of messages per CPU second
#   BASELINE: also builds that revision's main code (under target/bench/compose-REV) and runs it alternately with
#             this tree's, so both are measured under the same load
set -e
cd "$(dirname "$0")/.."
if [ "${BUILD:-1}" != 0 ]; then
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
DEPS="$(cat target/bench-classpath.txt)"
CP="target/classes:target/test-classes:$DEPS"
SECONDS_TO_RUN="${1:-5}"
REPEAT="${REPEAT:-1}"
BASE_CP=""
if [ -n "$BASELINE" ]; then
  DIR="target/bench/compose-$BASELINE"
  if [ ! -d "$DIR/classes" ]; then
    rm -rf "$DIR" && mkdir -p "$DIR/src" "$DIR/classes"
    git archive "$BASELINE" src/main/java | tar -x -C "$DIR/src"
    find "$DIR/src" -name '*.java' | grep -v '/ui/' > "$DIR/files.txt"
    javac -nowarn -d "$DIR/classes" -cp "$DEPS" @"$DIR/files.txt"
  fi
  # The baseline's classes first, this tree's ComposeSpeed (public API only), resources (entity tables, ...) from
  # this tree's target/classes.
  BASE_CP="$DIR/classes:target/test-classes:target/classes:$DEPS"
fi
LOG=target/bench/compose.log
mkdir -p target/bench && : > "$LOG"
run() { # label classpath mode
  r=$(java -Xmx256m -cp "$2" org.broadside.bench.ComposeSpeed "$SECONDS_TO_RUN" $3 | tail -1)
  echo "$1 $3: $r"
  echo "$1 ${3:-given} $(echo "$r" | sed 's/.* \([0-9]*\) msg\/s per CPU second.*/\1/')" >> "$LOG"
}
i=0
while [ "$i" -lt "$REPEAT" ]; do
  i=$((i + 1))
  for mode in "" generated-text; do
    [ -n "$BASE_CP" ] && run "baseline($BASELINE)" "$BASE_CP" "$mode"
    run "this tree" "$CP" "$mode"
  done
done
echo "== medians of messages per CPU second ($REPEAT runs each; load: $(uptime | sed 's/.*load/load/'))"
for who in "baseline($BASELINE)" "this"; do
  for mode in given generated-text; do
    vals=$(grep "^$who" "$LOG" | grep " $mode " | awk '{print $NF}' | sort -n)
    [ -z "$vals" ] && continue
    n=$(echo "$vals" | wc -l)
    med=$(echo "$vals" | sed -n "$(( (n + 1) / 2 ))p")
    echo "$who, text $mode: $med ($(echo $vals | tr ' ' ','))"
  done
done
