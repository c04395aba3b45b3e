#!/bin/bash
# Writes src/main/resources/org/broadside/cli/send.classes: the classes a 'broadside send' loads from the jar, in the
# order it loads them, which bin/broadside puts into its class-data-sharing archive (cli.StartUpArchive, ADR 0025).
# Run it again when the send path's classes change (a test fails when a listed class of Broadside no longer exists). Needs smtp-sink (Debian's
# postfix package; never start the postfix daemon) and python3.
#
#   bench/send-classes.sh              # builds, sends 2,000 recipients to smtp-sink on loopback, writes the list
#   BUILD=0 PORT=25393 bench/send-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-2000}"
PORT="${PORT:-25393}"
OUT=target/bench/send-classes
LIST=src/main/resources/org/broadside/cli/send.classes
mkdir -p "$(dirname "$LIST")"
command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix (do not start the daemon)"; exit 2; }
if [ "${BUILD:-1}" = 1 ]; then mvn -B -ntp -q -DskipTests package; fi
BS() { java -Xmx256m "$@"; }
rm -rf "$OUT"; mkdir -p "$OUT"
SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
smtp-sink "${SINK_USER[@]}" 127.0.0.1:$PORT 1000 & SINK=$!
trap 'kill $SINK 2>/dev/null' EXIT
python3 bench/make_list.py "$N" "$OUT/list.csv"
python3 bench/make_campaign.py 5 "$OUT/campaign.json"
BS -jar target/broadside.jar --data "$OUT/data" list import Bench "$OUT/list.csv" >/dev/null
BS -jar target/broadside.jar --data "$OUT/data" account add Sink --host 127.0.0.1 --port $PORT --security none --connections 4 >/dev/null
BS -Xlog:class+load:file="$OUT/class-load.log" -jar target/broadside.jar --data "$OUT/data" send --quiet --no-dns "$OUT/campaign.json" >/dev/null
python3 - "$OUT/class-load.log" "$LIST" <<'PY'
import re, sys
names = []
for line in open(sys.argv[1]):
    m = re.match(r'^(?:\[[^\]]*\])+\s*(\S+) source: (.*)', line)
    if not m: continue
    name, source = m.group(1), m.group(2)
    # Already fast (the JDK's shared archive), or made at run time (lambdas, proxies, method handles): not loadable by name.
    if 'shared objects file' in source or source.startswith('__') or '/0x' in name or '$$Lambda' in name or 'LambdaForm$' in name:
        continue
    names.append(name)
with open(sys.argv[2], 'w') as out:
    out.write('# Written by bench/send-classes.sh: the classes a send loads from the jar, in load order (cli.StartUpArchive).\n')
    out.write('\n'.join(names) + '\n')
print(f"{len(names)} classes -> {sys.argv[2]}")
PY
