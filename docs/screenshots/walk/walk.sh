#!/usr/bin/env bash
# A marketer's walk through the real app, in a real window (Xvfb 1280x800 with a window manager), with a
# screenshot of each moment: first start, every tab, a send to the Sandbox, a dead server, a wrong password, a
# full hourly quota, the connection log, and every manager window. Look at every picture it writes.
#
#   mvn -B -ntp -DskipTests package && docs/screenshots/walk/walk.sh [OUT_DIR]
#
# Uses the workplace's desktop driver (DESKTOP, default ../shared/tools/desktop.sh) and only loopback servers:
# the app's own Sandbox, a port nobody listens on, and refusing_smtp.py (refuses every login).
set -euo pipefail
top=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$top"
DESKTOP=${DESKTOP:-$top/../shared/tools/desktop.sh}
OUT=${1:-docs/screenshots}
JAR=target/broadside.jar
STATE=target/desktop
export DESKTOP_STATE=$STATE
export DISPLAY=${DESKTOP_DISPLAY:-:88}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -ntp -DskipTests package first"; exit 1; }
mkdir -p "$OUT" target
data=$top/target/walk-data
rm -rf "$data"; mkdir -p "$data"
B=(java -jar "$JAR" --data "$data")
# No keyring under Xvfb: the app and the command line share the encrypted credential file.
export BROADSIDE_PASSPHRASE=walk-passphrase

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
shot() { sleep "${2:-1.5}"; "$DESKTOP" shot "$1" >/dev/null; cp "$STATE/$1.png" "$OUT/$1.png"; echo "  $OUT/$1.png"; }
key() { "$DESKTOP" key "$@"; }
main_window() { xdotool search --name ' — Broadside$' | head -n 1; }
focus_main() { xdotool windowactivate --sync "$(main_window)" 2>/dev/null || true; sleep 0.5; }
focus_named() { xdotool windowactivate --sync "$(xdotool search --name "$1" | head -n 1)" 2>/dev/null || true; sleep 0.5; }
# Opens a campaign file through File > Open (Ctrl+L in the GTK chooser takes a typed path).
open_campaign() {
  focus_main; key ctrl+o; sleep 2; key ctrl+l; sleep 0.5; "$DESKTOP" type "$1"; sleep 0.5; key Return; sleep 3
}
cleanup() { "$DESKTOP" stop >/dev/null 2>&1 || true; [ -n "${refuser:-}" ] && kill "$refuser" 2>/dev/null || true; }
trap cleanup EXIT

dead_port=$(free_port)
refusing_port=$(free_port)
python3 docs/screenshots/walk/refusing_smtp.py "$refusing_port" & refuser=$!

"$DESKTOP" stop >/dev/null 2>&1 || true
echo "first start on a fresh data directory ($data)"
BROADSIDE_HOME=$data "$DESKTOP" start "$JAR"
sleep 6
shot first-start 1

echo "the five tabs of the sample campaign"
focus_main
for t in 1:message 2:recipients 3:settings 4:preview 5:delivery-before-send; do
  key "ctrl+${t%%:*}"; shot "${t#*:}" 2
done

echo "send the sample to the Sandbox"
focus_main; key ctrl+Return; shot delivery 6

echo "accounts for the failure cases (the command line on the same data directory)"
"${B[@]}" account add "Office server" --host 127.0.0.1 --port "$dead_port" --security none >/dev/null
PW=not-the-password "${B[@]}" account add "Wrong password" --host 127.0.0.1 --port "$refusing_port" --security none \
    --auth plain --user walker --password-env PW >/dev/null
sandbox_port=$("${B[@]}" account list | awk '$1 == "Sandbox" { print $3 }')
[ -n "$sandbox_port" ] && "${B[@]}" account add "Hourly limit" --host 127.0.0.1 --port "$sandbox_port" --security none --max-per-hour 2 >/dev/null
for c in "dead:Office server" "wrong-password:Wrong password" "quota:Hourly limit"; do
  name=${c%%:*}; account=${c#*:}
  cat >"$data/$name.json" <<JSON
{"id": "walk-$name", "name": "Walk: $name", "account": "$account", "list": "Sample contacts",
 "from": "Walk <walk@broadside.invalid>", "subject": "Hello [First Name|there]",
 "text": "Hello [First Name|there],\nthis is the walk.\n[Unsubscribe]\nWalk, 1 Example Street, Springfield 12345\n",
 "unsubscribe": {"mailto": "unsubscribe@broadside.invalid"}}
JSON
done

for name in dead wrong-password quota; do
  echo "send through the $name account"
  open_campaign "$data/$name.json"
  focus_named "Walk: $name"; key ctrl+5; key ctrl+Return
  shot "$name-after-2s" 2
done
echo "the dead server after its connection failures"
focus_named "Walk: dead"; shot dead-later 25

echo "the connection log of the dead server's campaign"
key ctrl+shift+l; shot connection-log 3; key ctrl+w; sleep 1

echo "the managers"
focus_main; key ctrl+l; shot list-manager 3; key Escape
focus_main; key ctrl+shift+a; shot accounts 3
focus_main; key ctrl+shift+b; shot blacklist 2
focus_main; key ctrl+i; shot sandbox-inbox 2
echo "done: look at every picture in $OUT"
