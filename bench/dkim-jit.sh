#!/bin/sh
# DKIM's per-byte loops (CRLF check, header scan, relaxed body + SHA-256 of a 10 KB message) under the JIT policy
# of ADR 0007, against C1 only for Broadside: how the policy compiled these loops before issue 14 added them.
# Also the whole signature with RSA-2048 and Ed25519 keys. CPU time per operation on one thread, not wall time:
# src/test/java/org/broadside/deliverability/dkim/DkimSigningSpeed.java. Writes only under target/bench/.
#   bench/dkim-jit.sh [seconds per operation, default 3]
#   BUILD=0 bench/dkim-jit.sh 1
set -e
cd "$(dirname "$0")/.."
OUT=target/bench/dkim-jit
mkdir -p "$OUT"
if [ "${BUILD:-1}" = 1 ]; then
  mvn -B -ntp -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
# The directives JitPolicy installs, given to the JVM as a file so the loops are under them from the first call.
cp src/main/resources/org/broadside/delivery/jit-policy.directives "$OUT/policy.directives"
printf '[ { match: "org/broadside/*.*", c2: { Exclude: true } } ]\n' > "$OUT/c1-only.directives"
for directives in policy c1-only; do
  echo "== $directives"
  java -Xmx256m -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile="$OUT/$directives.directives" \
    -cp "$CP" org.broadside.deliverability.dkim.DkimSigningSpeed "${1:-3}"
done
