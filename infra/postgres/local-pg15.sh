#!/usr/bin/env bash
# Runs Debian's PostgreSQL 15 locally for Partnerline: install (if needed), init, start on 127.0.0.1.
#   bash infra/postgres/local-pg15.sh [start|stop|status|url|reset]
# Settings: PG_DIR (/tmp/partnerline-pg15), PG_PORT (55432), PG_DB (partnerline).
# The last line printed by `start` and `url` is the DATABASE_URL.
set -euo pipefail

PG_DIR="${PG_DIR:-/tmp/partnerline-pg15}"
PG_PORT="${PG_PORT:-55432}"
PG_DB="${PG_DB:-partnerline}"
BIN=/usr/lib/postgresql/15/bin
URL="postgres://postgres@127.0.0.1:${PG_PORT}/${PG_DB}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "This step needs root (apt-get, and running the server as the postgres user). Re-run with sudo." >&2
    exit 1
  fi
}

install() {
  [ -x "$BIN/postgres" ] && return
  need_root
  echo "Installing Debian's PostgreSQL 15…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
}

running() { as_postgres "$BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; }

start() {
  install
  need_root
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    chown postgres "$PG_DIR"
    as_postgres "$BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! running; then
    as_postgres "$BIN/pg_ctl" -D "$PG_DIR" -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" -l "$PG_DIR/server.log" -w start >/dev/null
  fi
  if [ "$PG_DB" != postgres ]; then
    exists=$(as_postgres /usr/bin/psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" postgres 2>/dev/null || true)
    [ "$exists" = 1 ] || as_postgres /usr/bin/psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE \"$PG_DB\"" postgres
  fi
  echo "$URL"
}

stop() {
  if [ -f "$PG_DIR/PG_VERSION" ] && running; then as_postgres "$BIN/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null; fi
  echo "stopped" >&2
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if [ -f "$PG_DIR/PG_VERSION" ] && running; then echo "running on 127.0.0.1:$PG_PORT ($PG_DIR)"; else echo "not running"; exit 3; fi ;;
  url) echo "$URL" ;;
  reset) stop; rm -rf "$PG_DIR"; start ;;
  *) echo "usage: $0 [start|stop|status|url|reset]" >&2; exit 2 ;;
esac
