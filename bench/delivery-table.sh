#!/usr/bin/env bash
# Delivery panel over a big campaign (issue 12, item 8): N recipients (default 1,000,000) frozen in SQLite, the real
# Delivery view and view model under headless JavaFX (Monocle) with -Xmx512m, N receipts delivered through the
# engine's listener while the table jumps to random positions. Prints time, longest FX pulse gap, rows held by the
# table and the heap after GC. The campaign is created once under target/bench/delivery-N/ and reused.
# Usage: bench/delivery-table.sh     (N=100000 for a quicker run; BUILD=0 to reuse the build)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
HEAP=${HEAP:-512m}
WORK=$(pwd)/target/bench
if [ "${BUILD:-1}" = "1" ] || [ ! -f target/bench-classpath.txt ]; then
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "== Delivery panel over $N recipients (Monocle headless, -Xmx$HEAP)"
java -Xmx"$HEAP" -Djava.io.tmpdir="$WORK" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Dprism.text=t2k -Djava.awt.headless=true -cp "$CP" org.broadside.ui.delivery.DeliveryTableBench "$WORK/delivery-$N" "$N"
nproc; uptime
