#!/usr/bin/env bash
# Một máy chủ PostgreSQL chính (primary) và một máy dự phòng nóng (hot standby) bằng streaming replication của
# chính PostgreSQL — xem docs/scale-out.md. The tests (test/support/postgres-replication.ts) run this very script.
#
#   pg-replica.sh primary DIR PORT [sync|async]   initdb + start a primary (wal_level=replica, replication in pg_hba)
#   pg-replica.sh standby DIR PORT PRIMARY_PORT [PRIMARY_HOST]
#                                                 pg_basebackup -R from the primary, start it as a hot standby
#   pg-replica.sh promote DIR                     pg_ctl promote: the standby becomes a read-write primary
#   pg-replica.sh stop DIR [fast|immediate]       stop the server of DIR (immediate = as if the machine died)
#   pg-replica.sh start DIR                       start the server of DIR again (same port and settings)
#   pg-replica.sh status DIR                      prints "primary", "standby" or "stopped"
#
# DIR holds data/ (the cluster), server.log and the Unix socket. As root the servers run as the `postgres` user
# (initdb refuses root), so DIR's parents must be reachable by that user. Environment:
#   PG_BIN               server binaries (default: newest /usr/lib/postgresql/*/bin with initdb, else PATH)
#   PG_LISTEN            listen_addresses (default 127.0.0.1)
#   PG_REPLICATION_CIDR  who may replicate, a pg_hba address (default 127.0.0.1/32)
#   PG_AUTH              pg_hba method for TCP and replication (default trust; with scram-sha-256 give
#                        PG_PASSWORD_FILE for initdb and a ~/.pgpass or PGPASSWORD for pg_basebackup)
#   PG_PASSWORD_FILE     password of the postgres superuser, for initdb --pwfile
#   PG_FAST=1            fsync=off, full_page_writes=off: throwaway test clusters only, never production
#
# `sync` makes every commit wait until the standby has flushed it (synchronous_standby_names='*'): an
# acknowledged write then survives the loss of the primary. With `async` the newest commits may be missing on a
# promoted standby — and with `sync` the primary stops committing while no standby is connected.
set -euo pipefail

die() { echo "pg-replica: $*" >&2; exit 2; }

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [[ -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  done
  dirname "$(command -v initdb || die 'initdb not found: install postgresql or set PG_BIN')"
}

BIN="$(pg_bin)"
AS_ROOT=0
[[ "$(id -u)" == 0 ]] && AS_ROOT=1

# As root every server command runs as `postgres`, which then owns DIR.
run() {
  local cmd="$1"; shift
  if [[ $AS_ROOT == 1 ]]; then runuser -u postgres -- "$BIN/$cmd" "$@"; else "$BIN/$cmd" "$@"; fi
}

prepare_dir() {
  local dir="$1"
  mkdir -p "$dir"
  [[ -e "$dir/data" ]] && die "$dir/data exists already"
  if [[ $AS_ROOT == 1 ]]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
}

append_conf() {
  local data="$1"; shift
  local line
  # Later lines win in postgresql.conf, so a standby's own values override those copied from the primary.
  for line in "$@"; do
    if [[ $AS_ROOT == 1 ]]; then
      printf '%s\n' "$line" | runuser -u postgres -- tee -a "$data/postgresql.conf" >/dev/null
    else
      printf '%s\n' "$line" >>"$data/postgresql.conf"
    fi
  done
}

common_settings() {
  local dir="$1" port="$2"
  local settings=(
    "# pg-replica.sh"
    "port = $port"
    "listen_addresses = '${PG_LISTEN:-127.0.0.1}'"
    "unix_socket_directories = '$dir'"
    "max_connections = 300"
    "hot_standby = on"
  )
  if [[ "${PG_FAST:-0}" == 1 ]]; then settings+=("fsync = off" "full_page_writes = off"); fi
  printf '%s\n' "${settings[@]}"
}

start_server() {
  local dir="$1"
  run pg_ctl -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
}

cmd_primary() {
  local dir="${1:?DIR}" port="${2:?PORT}" mode="${3:-async}"
  [[ "$mode" == sync || "$mode" == async ]] || die "mode must be sync or async, got $mode"
  dir="$(realpath -m "$dir")"
  prepare_dir "$dir"
  local auth="${PG_AUTH:-trust}"
  local pwfile=()
  if [[ -n "${PG_PASSWORD_FILE:-}" ]]; then
    if [[ $AS_ROOT == 1 ]]; then cp "$PG_PASSWORD_FILE" "$dir/.pwfile"; chown postgres "$dir/.pwfile"; pwfile=(--pwfile "$dir/.pwfile");
    else pwfile=(--pwfile "$PG_PASSWORD_FILE"); fi
  fi
  run initdb -D "$dir/data" -U postgres -A "$auth" --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync "${pwfile[@]}" >/dev/null
  rm -f "$dir/.pwfile"
  mapfile -t settings < <(common_settings "$dir" "$port")
  settings+=(
    "wal_level = replica"
    "max_wal_senders = 10"
    # A standby that fell behind finds the WAL it needs here instead of having to be rebuilt.
    "wal_keep_size = '512MB'"
  )
  if [[ "$mode" == sync ]]; then settings+=("synchronous_standby_names = '*'" "synchronous_commit = on"); fi
  append_conf "$dir/data" "${settings[@]}"
  local hba="host replication postgres ${PG_REPLICATION_CIDR:-127.0.0.1/32} $auth"
  if [[ $AS_ROOT == 1 ]]; then echo "$hba" | runuser -u postgres -- tee -a "$dir/data/pg_hba.conf" >/dev/null
  else echo "$hba" >>"$dir/data/pg_hba.conf"; fi
  start_server "$dir"
  echo "primary $dir port $port ($mode)"
}

cmd_standby() {
  local dir="${1:?DIR}" port="${2:?PORT}" primary_port="${3:?PRIMARY_PORT}" primary_host="${4:-127.0.0.1}"
  dir="$(realpath -m "$dir")"
  prepare_dir "$dir"
  # -R writes primary_conninfo and standby.signal; -X stream copies the WAL written during the copy.
  run pg_basebackup -h "$primary_host" -p "$primary_port" -U postgres -D "$dir/data" -R -X stream --no-sync >/dev/null
  mapfile -t settings < <(common_settings "$dir" "$port")
  # Once promoted this server has no standby of its own: waiting for one would stop every commit.
  settings+=("synchronous_standby_names = ''")
  append_conf "$dir/data" "${settings[@]}"
  start_server "$dir"
  echo "standby $dir port $port of $primary_host:$primary_port"
}

cmd_promote() {
  local dir="${1:?DIR}"
  run pg_ctl -D "$dir/data" -w -t 60 promote >/dev/null
  echo "promoted $dir"
}

cmd_stop() {
  local dir="${1:?DIR}" mode="${2:-fast}"
  [[ "$mode" == fast || "$mode" == immediate || "$mode" == smart ]] || die "stop mode must be fast, immediate or smart"
  run pg_ctl -D "$dir/data" -m "$mode" -w -t 60 stop >/dev/null
  echo "stopped $dir ($mode)"
}

cmd_start() {
  local dir="${1:?DIR}"
  start_server "$dir"
  echo "started $dir"
}

cmd_status() {
  local dir="${1:?DIR}"
  if ! run pg_ctl -D "$dir/data" status >/dev/null 2>&1; then echo stopped; return; fi
  if [[ -e "$dir/data/standby.signal" ]]; then echo standby; else echo primary; fi
}

command="${1:-}"
shift || true
case "$command" in
  primary) cmd_primary "$@" ;;
  standby) cmd_standby "$@" ;;
  promote) cmd_promote "$@" ;;
  stop) cmd_stop "$@" ;;
  start) cmd_start "$@" ;;
  status) cmd_status "$@" ;;
  *) sed -n '2,27p' "$0" >&2; exit 2 ;;
esac
