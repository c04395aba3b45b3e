#!/bin/sh
# Merge + MIME speed on one thread (issue 2): a 5 KB HTML campaign with 5 fields and one IF.
# Usage: bench/compose.sh [seconds]
set -e
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
SECONDS_TO_RUN="${1:-5}"
echo "== text part given"
java -Xmx256m -cp "$CP" org.broadside.bench.ComposeSpeed "$SECONDS_TO_RUN"
echo "== text part generated from the HTML"
java -Xmx256m -cp "$CP" org.broadside.bench.ComposeSpeed "$SECONDS_TO_RUN" generated-text
