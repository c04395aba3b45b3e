#!/usr/bin/env bash
# Builds Broadside's desktop package with a bundled Java runtime (no Java needed on the user's machine).
#   packaging/jpackage.sh app-image   -> target/installer/Broadside/            (runnable folder, any OS)
#   packaging/jpackage.sh deb|rpm     -> target/installer/broadside_*.deb|rpm   (Linux)
#   packaging/jpackage.sh dmg|pkg     -> macOS;   exe|msi -> Windows (needs WiX 3 on PATH)
# Without an argument: app-image, then the native installer of the current OS.
# Needs JDK 17+ with jpackage. Set SKIP_BUILD=1 to reuse an existing target/broadside.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="${BROADSIDE_VERSION:-0.1.0}"
NAME=Broadside
OUT=target/installer
INPUT=target/jpackage-input

# The modules the app uses (jdeps on the shaded jar, plus what reflection and TLS need at run time);
# JavaFX itself is in the jar, so no JavaFX modules are required from the runtime.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,\
java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,\
jdk.crypto.cryptoki,jdk.jsobject,jdk.localedata,jdk.net,jdk.unsupported,jdk.xml.dom,jdk.zipfs,jdk.jfr,jdk.management

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -ntp -q package -DskipTests
fi
[[ -f target/broadside.jar ]] || { echo "target/broadside.jar is missing: run mvn package first" >&2; exit 1; }

rm -rf "$INPUT" && mkdir -p "$INPUT" "$OUT"
cp target/broadside.jar "$INPUT/"

common=(--name "$NAME" --app-version "$VERSION" --vendor "Broadside" \
        --description "Desktop bulk mailer: campaigns, contacts, SMTP delivery with receipts" \
        --input "$INPUT" --main-jar broadside.jar --main-class org.broadside.Launcher \
        --add-modules "$MODULES" --java-options "-Xmx2g" --dest "$OUT")

# Linux installer extras: a menu entry and a shortcut.
linux=(--linux-shortcut --linux-menu-group "Office;Network" --linux-app-category mail --linux-package-name broadside)
mac=(--mac-package-identifier org.broadside.app --mac-package-name Broadside)
win=(--win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 5b1f7e56-3a51-4d3e-9a55-b20ad0c1e9c1)

build() {
  local type="$1"
  local extra=()
  case "$type" in
    deb|rpm) extra=("${linux[@]}") ;;
    dmg|pkg) extra=("${mac[@]}") ;;
    exe|msi) extra=("${win[@]}") ;;
    app-image) ;;
    *) echo "unknown package type: $type" >&2; exit 2 ;;
  esac
  [[ "$type" == app-image ]] && rm -rf "$OUT/$NAME" "$OUT/$NAME.app"
  echo "jpackage --type $type"
  jpackage --type "$type" "${common[@]}" "${extra[@]}"
}

if [[ $# -gt 0 ]]; then
  for t in "$@"; do build "$t"; done
else
  build app-image
  case "$(uname -s)" in
    Linux) build deb ;;
    Darwin) build dmg ;;
    MINGW*|MSYS*|CYGWIN*) build msi ;;
  esac
fi
ls -la "$OUT"
