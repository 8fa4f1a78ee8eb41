#!/usr/bin/env bash
# Local PostgreSQL 15 + pgvector for VoiceNote development and tests.
#
# Usage: build/db.sh [start|stop|status|url|pgvector]   (default: start)
#   start   make sure a server answers and the database is ready; print its
#           connection string (Npgsql key=value) on stdout:  CS=$(build/db.sh)
#   stop    stop the local cluster (pg_ctl stop -m fast) if it runs
#   status  say whether the local cluster runs and where; exit 0 running, 3 not
#   url     print the connection string without starting anything
#   pgvector  only make sure the host's PostgreSQL has pgvector (building it as
#           below); starts nothing. build/pg-image.sh copies it into its image.
#
# Only the connection string goes to stdout; every message goes to stderr.
#
# Environment:
#   VOICENOTE_DB        an Npgsql connection string of an existing server: then
#                       nothing is started; start checks that it answers and
#                       creates the vector extension there (warns if not allowed)
#   VOICENOTE_DB_PORT   port of the local cluster on 127.0.0.1 (default 55432)
#   VOICENOTE_DB_FAST   1 = start with fsync/synchronous_commit/full_page_writes
#                       off (throwaway test data; applies to that start only)
#   VOICENOTE_DB_DIR    data directory of the local cluster (default: <repo>/.data/pg
#                       when the server user can reach it, else
#                       /var/tmp/voicenote-pg-<hash of repo path>)
#
# The first start as root builds pgvector from Debian trixie's source package
# (build_pgvector below; docs/decisions/0004), installing postgresql-server-dev-15
# pinned to the installed server's version. Later starts take well under a
# second and never call apt. Concurrent invocations are serialised with flock.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=db.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"

PG_MAJOR=15
PGBIN=/usr/lib/postgresql/$PG_MAJOR/bin
PORT=${VOICENOTE_DB_PORT:-55432}
DB_NAME=voicenote
DB_USER=voicenote
DB_PASSWORD=voicenote          # local development cluster, bound to 127.0.0.1 only
PGVECTOR_WORK=/var/tmp/voicenote-pgvector
PGVECTOR_SOURCE_LINE='deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main'
PGVECTOR_PACKAGE=${VOICENOTE_PGVECTOR_SOURCE:-pgvector}   # e.g. pgvector=0.8.0-1 to pin

CMD=${1:-start}
case $CMD in
  start|stop|status|url|pgvector) ;;
  -h|--help|help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown command '$CMD' (usage: build/db.sh [start|stop|status|url|pgvector])" ;;
esac
(( $# <= 1 )) || die "too many arguments (usage: build/db.sh [start|stop|status|url|pgvector])"
[[ $PORT =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || die "VOICENOTE_DB_PORT='$PORT' is not a port number"

conn_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' "$1" "$DB_NAME" "$DB_USER" "$DB_PASSWORD"
}

short_hash() { printf '%s' "$1" | sha256sum | cut -c1-10; }

# ---------------------------------------------------------------------------
# External server (VOICENOTE_DB)
# ---------------------------------------------------------------------------

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; printf '%s' "$s"; }

# Exports PG* variables for psql from the Npgsql connection string in VOICENOTE_DB.
# Handles the usual keys and their aliases; values may be quoted; no ';' inside values.
export_pg_env_from_npgsql() {
  local part key val
  unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE PGSERVICE PGOPTIONS
  export PGCONNECT_TIMEOUT=10
  local -a parts
  IFS=';' read -r -a parts <<<"$VOICENOTE_DB"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=$(trim "${part%%=*}"); key=${key,,}; key=${key// /}
    val=$(trim "${part#*=}")
    if [[ $val == \"*\" || $val == \'*\' ]]; then val=${val:1:${#val}-2}; fi
    case $key in
      host|server|address|addr|networkaddress) export PGHOST=$val ;;
      port) export PGPORT=$val ;;
      database|db|initialcatalog) export PGDATABASE=$val ;;
      username|user|userid|uid) export PGUSER=$val ;;
      password|pwd|psw) export PGPASSWORD=$val ;;
      timeout) export PGCONNECT_TIMEOUT=$val ;;
      sslmode)
        case ${val,,} in
          disable) export PGSSLMODE=disable ;; allow) export PGSSLMODE=allow ;;
          prefer) export PGSSLMODE=prefer ;; require) export PGSSLMODE=require ;;
          verifyca|verify-ca) export PGSSLMODE=verify-ca ;;
          verifyfull|verify-full) export PGSSLMODE=verify-full ;;
        esac ;;
    esac
  done
  [[ -n ${PGHOST:-} ]] || die "VOICENOTE_DB has no Host=...: '$VOICENOTE_DB'"
}

external_db() {
  export_pg_env_from_npgsql
  local where="${PGHOST}:${PGPORT:-5432}/${PGDATABASE:-${PGUSER:-}}"
  case $CMD in
    url) printf '%s\n' "$VOICENOTE_DB"; return 0 ;;
    stop) log "VOICENOTE_DB is set ($where): not managing that server, nothing to stop"; return 0 ;;
  esac
  local err
  if ! err=$("$PGBIN/psql" -X -q -At -c 'select 1' 2>&1 >/dev/null); then
    [[ $CMD == status ]] && { log "VOICENOTE_DB server $where: NOT answering: $err"; return 3; }
    die "the server in VOICENOTE_DB ($where) does not answer: $err"
  fi
  if [[ $CMD == status ]]; then log "VOICENOTE_DB server $where: answering"; return 0; fi
  if err=$(PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 \
             -c 'CREATE EXTENSION IF NOT EXISTS vector' 2>&1 >/dev/null); then
    log "using VOICENOTE_DB server $where (vector extension present)"
  else
    warn "could not create extension vector in $where: $err"
  fi
  printf '%s\n' "$VOICENOTE_DB"
}

if [[ -n ${VOICENOTE_DB:-} && $CMD != pgvector ]]; then
  rc=0; external_db || rc=$?
  exit "$rc"
fi

# ---------------------------------------------------------------------------
# Local cluster: who runs it and where it lives
# ---------------------------------------------------------------------------

if is_root; then RUN_USER=postgres; else RUN_USER=$(id -un); fi

# Runs a command as the server user from / (the server refuses root, and the
# user may not be able to read the caller's working directory).
as_run() {
  if is_root; then (cd / && runuser -u "$RUN_USER" -- "$@")
  else (cd / && "$@"); fi
}

run_user_can_reach() {   # search permission on $1 and every parent
  if is_root; then runuser -u "$RUN_USER" -- test -x "$1" 2>/dev/null; else test -x "$1"; fi
}

choose_data_dir() {
  if [[ -n ${VOICENOTE_DB_DIR:-} ]]; then
    DATA=$(realpath -m "$VOICENOTE_DB_DIR"); WHY="VOICENOTE_DB_DIR"; return
  fi
  local repo_ok=0
  if is_root && ! getent passwd "$RUN_USER" >/dev/null; then
    repo_ok=1   # no server user yet (status/url before the first start): assume the default
  elif [[ -d $REPO/.data ]]; then
    run_user_can_reach "$REPO/.data" && { is_root || [[ -w $REPO/.data ]]; } && repo_ok=1
  else
    run_user_can_reach "$REPO" && { is_root || [[ -w $REPO ]]; } && repo_ok=1
  fi
  if (( repo_ok )); then
    DATA=$REPO/.data/pg; WHY="inside the repository"
  else
    DATA=/var/tmp/voicenote-pg-$(short_hash "$REPO")
    WHY="user '$RUN_USER' cannot reach $REPO, so outside it"
  fi
}

ensure_run_user() {
  is_root || return 0
  getent passwd "$RUN_USER" >/dev/null && return 0
  log "creating system user '$RUN_USER' to run the server"
  useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
    --shell /bin/bash "$RUN_USER" || getent passwd "$RUN_USER" >/dev/null \
    || die "could not create user '$RUN_USER'"
}

[[ $CMD == start ]] && ensure_run_user
choose_data_dir
# Unix socket in the data dir, unless that path is too long for a socket
# (sun_path holds 107 bytes; deep CI checkouts exceed it).
SOCK_DIR=$DATA
if (( ${#DATA} + 18 > 100 )); then SOCK_DIR=/var/tmp/voicenote-pg-$(short_hash "$DATA").sock; fi
LOCK_FILE=/var/tmp/voicenote-db-$(short_hash "$DATA").lock
DATA_REAL=$(realpath -m "$DATA")   # as the kernel shows it in /proc/<pid>/cwd

if [[ $CMD == url ]]; then conn_string "$PORT"; exit 0; fi

# ---------------------------------------------------------------------------
# Server state
# ---------------------------------------------------------------------------

pid_alive() {   # process exists and is not a zombie (kill -0 succeeds on zombies)
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  st=${st##*) }
  [[ ${st%% *} != Z ]]
}

# Sets PID/RUN_PORT/RUN_SOCK when this cluster's postmaster runs; returns 1 if not.
# Only reads: a stale postmaster.pid is dealt with by clear_stale_state.
server_running() {
  PID='' RUN_PORT='' RUN_SOCK=''
  local pidfile=$DATA/postmaster.pid lines=()
  [[ -f $pidfile ]] || return 1
  mapfile -t lines <"$pidfile" 2>/dev/null || return 1
  local pid=${lines[0]:-}
  if [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid" \
     && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres* ]] \
     && [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$DATA_REAL" ]]; then
    PID=$pid RUN_PORT=${lines[3]:-} RUN_SOCK=${lines[4]:-}
    return 0
  fi
  return 1
}

# Live processes whose working directory is the data directory (a postmaster
# and its children all run there).
procs_in_data_dir() {
  local link pids=()
  while IFS= read -r link; do
    link=${link#/proc/}; link=${link%/cwd}
    pid_alive "$link" && pids+=("$link")
  done < <(find /proc -mindepth 2 -maxdepth 2 -name cwd -lname "$DATA_REAL" 2>/dev/null)
  printf '%s\n' "${pids[@]}"
}

# Before a start, when the server is not running: a postmaster.pid or socket
# lock left by a killed server (or one whose PID was reused) blocks the start.
# They are removed only once no process works in the data directory anymore,
# so orphaned backends of a killed postmaster are never joined by a new one.
clear_stale_state() {
  local pidfile=$DATA/postmaster.pid locks
  locks=$(compgen -G "$SOCK_DIR/.s.PGSQL.*.lock" || true)
  [[ -f $pidfile || -n $locks ]] || return 0
  local i left
  for ((i = 0; i < 100; i++)); do
    left=$(procs_in_data_dir)
    [[ -z $left ]] && break
    (( i == 0 )) && log "waiting for old server processes to exit: $(echo $left)"
    sleep 0.1
  done
  [[ -z $left ]] || die "processes of an earlier server still run in $DATA: $(echo $left); stop them (kill $(echo $left)) and retry"
  if [[ -f $pidfile ]]; then
    local aside
    aside=$pidfile.stale
    mv -f "$pidfile" "$aside"
    warn "stale postmaster.pid (server gone) moved to $aside"
  fi
  rm -f "$SOCK_DIR"/.s.PGSQL.*
}

port_busy() {   # something accepts TCP connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

show_server_logs() {
  local f
  for f in "$DATA/startup.log" $(ls -t "$DATA"/log/*.log 2>/dev/null | head -1); do
    [[ -f $f ]] || continue
    printf -- '--- last lines of %s ---\n' "$f" >&2
    tail -n 20 "$f" >&2
  done
}

# ---------------------------------------------------------------------------
# pgvector, built from Debian trixie's source package
# ---------------------------------------------------------------------------

pg_dirs() {
  local out
  mapfile -t out < <("$PGBIN/pg_config" --pkglibdir --sharedir)
  PKGLIBDIR=${out[0]} SHAREDIR=${out[1]}
}

pgvector_installed() { [[ -f $PKGLIBDIR/vector.so && -f $SHAREDIR/extension/vector.control ]]; }

pg_package_versions() {   # installed postgresql*/libpq* packages, "name=version", sorted
  dpkg-query -W -f='${db:Status-Status} ${Package}=${Version}\n' 'postgresql*' 'libpq*' 2>/dev/null \
    | awk '$1 == "installed" { print $2 }' | sort
}

build_pgvector() {
  is_root || die "pgvector is not installed ($PKGLIBDIR/vector.so missing) and building it needs root: run 'sudo build/db.sh start' once"
  local vlock
  lock_fd_open /var/tmp/voicenote-pgvector.lock vlock
  flock -w 900 "$vlock" || die "timed out waiting for another pgvector build"
  pgvector_installed || do_build_pgvector {vlock}>&-
  exec {vlock}>&-
}

do_build_pgvector() {

  local t0=$SECONDS server_ver
  server_ver=$(deb_version "postgresql-$PG_MAJOR")
  [[ -n $server_ver ]] || die "postgresql-$PG_MAJOR is not installed as a Debian package; cannot pin postgresql-server-dev-$PG_MAJOR"
  log "pgvector missing: building it from Debian trixie's source package (log: $PGVECTOR_WORK/build.log)"

  # 1. Build tools and server headers, the headers pinned to the server's version.
  local -a need
  mapfile -t need < <(deb_missing dpkg-dev build-essential "postgresql-server-dev-$PG_MAJOR=$server_ver")
  if (( ${#need[@]} )); then
    local before after sim
    before=$(pg_package_versions)
    {
      printf '\n==== %s db.sh: apt-get update (system sources)\n' "$(date -Is)"
      vn_apt_get update
    } >>"$VN_APT_LOG" 2>&1 || { tail -n 20 "$VN_APT_LOG" >&2; die "apt-get update failed (log: $VN_APT_LOG)"; }
    sim=$(vn_apt_get install -s --no-install-recommends --allow-downgrades "${need[@]}" 2>&1) \
      || { printf '%s\n' "$sim" | tail -n 20 >&2; die "apt-get cannot install: ${need[*]}"; }
    if grep -E '^(Inst|Remv) (postgresql|libpq)[^ ]* \[' <<<"$sim" | grep -v "^Inst postgresql-server-dev-$PG_MAJOR " >&2; then
      die "installing ${need[*]} would change the installed PostgreSQL packages (above); refusing"
    fi
    log "installing ${need[*]}"
    {
      printf '\n==== %s db.sh: apt-get install %s\n' "$(date -Is)" "${need[*]}"
      vn_apt_get install -y --no-install-recommends --allow-downgrades "${need[@]}"
    } >>"$VN_APT_LOG" 2>&1 || { tail -n 30 "$VN_APT_LOG" >&2; die "apt-get install failed (log: $VN_APT_LOG)"; }
    after=$(pg_package_versions)
    local changed
    changed=$(comm -23 <(printf '%s\n' "$before") <(printf '%s\n' "$after"))
    [[ -z $changed ]] || die "PostgreSQL packages changed while installing build dependencies: $changed"
  fi

  # 2. Source package from trixie with a private apt configuration: the
  #    system's sources, lists and caches are not touched.
  local w=$PGVECTOR_WORK
  mkdir -p "$w/lists/partial" "$w/cache/archives/partial" "$w/sources.list.d"
  printf '%s\n' "$PGVECTOR_SOURCE_LINE" >"$w/sources.list"
  local -a aptsrc=(-o "Dir::Etc::sourcelist=$w/sources.list" -o "Dir::Etc::sourceparts=$w/sources.list.d"
                   -o "Dir::State::Lists=$w/lists" -o "Dir::Cache=$w/cache")
  rm -rf "$w/src"; mkdir -p "$w/src"
  getent passwd _apt >/dev/null && chown _apt "$w/src" "$w/lists/partial" "$w/cache/archives/partial"
  : >"$w/build.log"
  {
    echo "==== $(date -Is) apt-get update (trixie deb-src only)"
    vn_apt_get "${aptsrc[@]}" update
    echo "==== apt-get source $PGVECTOR_PACKAGE"
    (cd "$w/src" && vn_apt_get "${aptsrc[@]}" source "$PGVECTOR_PACKAGE")
  } >>"$w/build.log" 2>&1 || { tail -n 20 "$w/build.log" >&2; die "fetching the pgvector source package failed (log: $w/build.log)"; }
  local srcdir
  srcdir=$(find "$w/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n $srcdir && -f $srcdir/Makefile ]] || die "no pgvector source tree under $w/src (log: $w/build.log)"

  # 3. Build and install (OPTFLAGS="" avoids -march=native).
  {
    echo "==== make in $srcdir"
    make -C "$srcdir" -j"$(nproc)" PG_CONFIG="$PGBIN/pg_config" OPTFLAGS=""
    make -C "$srcdir" PG_CONFIG="$PGBIN/pg_config" OPTFLAGS="" install
  } >>"$w/build.log" 2>&1 || { tail -n 30 "$w/build.log" >&2; die "building pgvector failed (log: $w/build.log)"; }
  pgvector_installed || die "pgvector build finished but $PKGLIBDIR/vector.so is missing"
  [[ $(deb_version "postgresql-$PG_MAJOR") == "$server_ver" ]] || die "postgresql-$PG_MAJOR changed version during the build"
  local ver
  ver=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$SHAREDIR/extension/vector.control")
  log "pgvector $ver (source $(basename "$srcdir")) installed in $((SECONDS - t0)) s"
}

ensure_server_binaries() {
  [[ -x $PGBIN/postgres && -x $PGBIN/initdb && -x $PGBIN/pg_ctl && -x $PGBIN/psql ]] && return 0
  is_root || die "PostgreSQL $PG_MAJOR is not installed ($PGBIN); install it as root: apt-get install postgresql-$PG_MAJOR"
  apt_install "postgresql-$PG_MAJOR"
}

# ---------------------------------------------------------------------------
# Cluster
# ---------------------------------------------------------------------------

write_conf() {   # $1 = data dir being initialised
  cat >>"$1/postgresql.conf" <<EOF

# ---- VoiceNote local development cluster (written once by build/db.sh) ----
# port and unix_socket_directories are also passed by build/db.sh on each start.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK_DIR'
max_connections = 300
shared_buffers = 256MB
maintenance_work_mem = 512MB
logging_collector = on
log_directory = 'log'
log_filename = 'postgresql-%a.log'
log_truncate_on_rotation = on
log_rotation_age = 1d
log_rotation_size = 0
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

init_cluster() {
  [[ -f $DATA/PG_VERSION ]] && return 0
  if [[ -e $DATA ]] && [[ -n $(ls -A "$DATA" 2>/dev/null) ]]; then
    die "$DATA exists and is not empty but holds no cluster (no PG_VERSION); remove it and retry"
  fi
  local parent t0=$SECONDS
  parent=$(dirname "$DATA")
  mkdir -p "$parent"
  [[ $parent == "$REPO/.data" ]] && chmod 0755 "$parent"
  run_user_can_reach "$parent" || die "user '$RUN_USER' cannot reach $parent (needs search permission on it and every parent)"

  # initdb into a temporary directory, then rename: a half-initialised
  # cluster never sits at $DATA.
  rm -rf "$DATA".initdb-*
  local tmp=$DATA.initdb-$$ pwfile locale=C
  locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && locale=C.UTF-8
  mkdir -m 0700 "$tmp"
  pwfile=$(mktemp /tmp/voicenote-pw.XXXXXX)
  printf '%s\n' "$DB_PASSWORD" >"$pwfile"
  if is_root; then chown "$RUN_USER:" "$tmp" "$pwfile"; fi
  local -a extra=()
  [[ ${VOICENOTE_DB_FAST:-0} == 1 ]] && extra+=(--no-sync)
  log "initdb $DATA (superuser $DB_USER, UTF8, locale $locale)"
  if ! as_run "$PGBIN/initdb" -D "$tmp" -U "$DB_USER" --pwfile="$pwfile" -E UTF8 --locale="$locale" \
        --auth-local=trust --auth-host=scram-sha-256 "${extra[@]}" >"/tmp/voicenote-initdb.$$.log" 2>&1; then
    rm -f "$pwfile"; rm -rf "$tmp"
    cat "/tmp/voicenote-initdb.$$.log" >&2; rm -f "/tmp/voicenote-initdb.$$.log"
    die "initdb failed"
  fi
  rm -f "$pwfile" "/tmp/voicenote-initdb.$$.log"
  write_conf "$tmp"
  mv "$tmp" "$DATA"
  log "cluster initialised in $((SECONDS - t0)) s"
}

start_server() {
  if server_running; then
    if [[ $RUN_PORT != "$PORT" ]]; then
      warn "the cluster already runs on port $RUN_PORT, not $PORT (VOICENOTE_DB_PORT); using $RUN_PORT. Run 'build/db.sh stop' to change it."
    fi
    PORT_USED=$RUN_PORT SOCK_USED=$RUN_SOCK
    return 0
  fi
  clear_stale_state
  if port_busy "$PORT"; then
    local who
    who=$(ss -Hltnp "sport = :$PORT" 2>/dev/null | head -n 3 || true)
    [[ -z ${VOICENOTE_DB_PORT:-} ]] || die "port $PORT on 127.0.0.1 is already in use by another process${who:+: $who}. Stop it or choose another port: VOICENOTE_DB_PORT=55440 build/db.sh"
    # The default port is taken (e.g. another checkout's cluster): take the next free one rather than fail.
    local candidate
    for candidate in $(seq $((PORT + 1)) $((PORT + 20))); do
      if ! port_busy "$candidate"; then
        warn "port $PORT is in use${who:+ ($who)}; this cluster uses $candidate instead"
        PORT=$candidate
        break
      fi
    done
    port_busy "$PORT" && die "ports $PORT to $((PORT + 20)) on 127.0.0.1 are all in use; set VOICENOTE_DB_PORT"
  fi
  if [[ $SOCK_DIR != "$DATA" ]]; then
    mkdir -p -m 0700 "$SOCK_DIR"; is_root && chown "$RUN_USER:" "$SOCK_DIR"
  fi
  local opts="-p $PORT -k '$SOCK_DIR' -c listen_addresses=127.0.0.1" mode=""
  if [[ ${VOICENOTE_DB_FAST:-0} == 1 ]]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    mode=" (VOICENOTE_DB_FAST: fsync off)"
  fi
  log "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$PORT$mode"
  if ! as_run "$PGBIN/pg_ctl" start -D "$DATA" -l "$DATA/startup.log" -w -t 60 -s -o "$opts" >&2; then
    show_server_logs
    die "the server did not start (data: $DATA)"
  fi
  PORT_USED=$PORT SOCK_USED=$SOCK_DIR
}

wait_ready() {
  local deadline=$((SECONDS + 60))
  while (( SECONDS < deadline )); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT_USED" -t 2 && return 0
    sleep 0.1
  done
  show_server_logs
  die "the server on 127.0.0.1:$PORT_USED does not accept connections"
}

provision() {
  # One psql session over the local socket (trust): vector in template1 first,
  # so that voicenote and every database created later carry it.
  local out
  if ! out=$(PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$SOCK_USED" -p "$PORT_USED" -U "$DB_USER" -d template1 2>&1 <<SQL
CREATE EXTENSION IF NOT EXISTS vector;
SELECT format('CREATE DATABASE %I', '$DB_NAME')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
\c $DB_NAME
CREATE EXTENSION IF NOT EXISTS vector;
SQL
  ); then
    printf '%s\n' "$out" >&2
    die "could not prepare database '$DB_NAME'"
  fi
}

cmd_start() {
  local t0=$SECONDS
  ensure_server_binaries
  pg_dirs
  pgvector_installed || build_pgvector
  if [[ -e $DATA && ! -O $DATA ]] && ! is_root; then
    die "$DATA belongs to $(stat -c %U "$DATA"), not $(id -un); run as root or set VOICENOTE_DB_DIR"
  fi
  log "cluster: $DATA ($WHY)"
  init_cluster
  start_server
  wait_ready
  provision
  (( SECONDS - t0 > 2 )) && log "ready in $((SECONDS - t0)) s"
  conn_string "$PORT_USED"
}

cmd_stop() {
  if server_running; then
    log "stopping the cluster at $DATA (pid $PID)"
    as_run "$PGBIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 -s >&2 || die "pg_ctl stop failed"
    log "stopped"
  else
    log "not running ($DATA)"
  fi
}

cmd_status() {
  if server_running; then
    local fast=""
    grep -q 'fsync=off' "$DATA/postmaster.opts" 2>/dev/null && fast=", fsync off (started with VOICENOTE_DB_FAST=1)"
    log "running: pid $PID, 127.0.0.1:$RUN_PORT, socket $RUN_SOCK, data $DATA ($WHY), logs $DATA/log$fast"
    return 0
  fi
  if [[ -f $DATA/PG_VERSION ]]; then
    log "stopped: data $DATA ($WHY)"
  else
    log "stopped: no cluster yet; 'build/db.sh start' would create it at $DATA ($WHY)"
  fi
  return 3
}

case $CMD in
  status) rc=0; cmd_status || rc=$?; exit "$rc" ;;
  pgvector) ensure_server_binaries; pg_dirs; pgvector_installed || build_pgvector ;;
  start|stop)
    lock_fd_open "$LOCK_FILE" LOCK_FD
    if ! flock -n "$LOCK_FD"; then
      log "waiting for another build/db.sh on $DATA"
      flock -w 900 "$LOCK_FD" || die "timed out waiting for the lock $LOCK_FILE"
    fi
    # The lock stays held while cmd_* runs, but its descriptor is closed for
    # everything started from there: a postmaster inheriting it would hold the
    # lock for as long as the server runs.
    "cmd_$CMD" {LOCK_FD}>&-
    ;;
esac
