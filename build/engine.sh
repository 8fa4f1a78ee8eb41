# shellcheck shell=bash
# The Docker engine the tests' PostgreSQL container runs on (docs/decisions/0008).
# Source it after lib.sh; do not execute it.
#
#   engine_up     use the engine that answers, or (as root) install Debian's docker.io
#                 when dockerd is missing and start dockerd; registers the caller
#                 ($$) as a user. Returns 1 with the reason in ENGINE_WHY when no
#                 engine can run.
#   engine_down   unregisters the caller; the last user out stops a dockerd that
#                 these scripts started (never one somebody else started).
#
# There is no init system on the project's machines: dockerd runs as a plain
# background process, its pid kept in $VN_ENGINE_DIR/dockerd.pid so that any
# later run knows the daemon is the project's to stop.

VN_ENGINE_DIR=${VN_ENGINE_DIR:-/var/tmp/voicenote-dockerd}
VN_ENGINE_LOG=$VN_ENGINE_DIR/dockerd.log
ENGINE_WHY=''

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1
}

# Holds the engine lock while "$@" runs (start, stop and the users list change under it).
engine_locked() {
  local engine_lock rc=0
  mkdir -p "$VN_ENGINE_DIR/users"
  lock_fd_open "$VN_ENGINE_DIR/lock" engine_lock
  if ! flock -w 300 "$engine_lock"; then
    exec {engine_lock}>&-
    ENGINE_WHY="timed out waiting for $VN_ENGINE_DIR/lock"
    return 1
  fi
  "$@" {engine_lock}>&- || rc=$?
  exec {engine_lock}>&-
  return "$rc"
}

engine_pid_alive() {   # the recorded dockerd still runs
  local pid
  pid=$(cat "$VN_ENGINE_DIR/dockerd.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]]
}

engine_start_dockerd() {
  if ! command -v dockerd >/dev/null 2>&1; then
    if ! (apt_install docker.io); then
      ENGINE_WHY="installing Debian's docker.io failed (log: $VN_APT_LOG)"
      return 1
    fi
  fi
  log "starting dockerd (log: $VN_ENGINE_LOG)"
  # setsid: a Ctrl+C in the terminal reaches the tests, not the daemon; engine_down stops it.
  # dockerd writes its own pid to /var/run/docker.pid (setsid may fork before exec).
  rm -f /var/run/docker.pid
  setsid dockerd >"$VN_ENGINE_LOG" 2>&1 </dev/null &
  local launcher=$! pid='' t0=$SECONDS
  while (( SECONDS - t0 < 60 )); do
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if engine_answers && [[ -n $pid ]]; then
      printf '%s\n' "$pid" >"$VN_ENGINE_DIR/dockerd.pid"
      log "dockerd (pid $pid) answers after $((SECONDS - t0)) s"
      return 0
    fi
    if ! kill -0 "$launcher" 2>/dev/null && ! { [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; }; then
      tail -n 15 "$VN_ENGINE_LOG" >&2
      ENGINE_WHY="dockerd exited at start (log: $VN_ENGINE_LOG)"
      return 1
    fi
    sleep 0.5
  done
  tail -n 15 "$VN_ENGINE_LOG" >&2
  [[ -n $pid ]] && kill "$pid" 2>/dev/null
  kill "$launcher" 2>/dev/null || true
  ENGINE_WHY="dockerd did not answer within 60 s (log: $VN_ENGINE_LOG)"
  return 1
}

engine_up_locked() {
  engine_pid_alive || rm -f "$VN_ENGINE_DIR/dockerd.pid"
  if ! engine_answers; then
    if ! is_root; then
      ENGINE_WHY="no Docker engine answers (docker info), and installing or starting one needs root"
      return 1
    fi
    engine_start_dockerd || return 1
  fi
  : >"$VN_ENGINE_DIR/users/$$"
}

engine_up() { engine_locked engine_up_locked; }

engine_down_locked() {
  rm -f "$VN_ENGINE_DIR/users/$$"
  engine_pid_alive || { rm -f "$VN_ENGINE_DIR/dockerd.pid"; return 0; }
  local user others=()
  for user in "$VN_ENGINE_DIR"/users/*; do
    [[ -e $user ]] || continue
    if [[ -d /proc/${user##*/} ]]; then others+=("${user##*/}"); else rm -f "$user"; fi
  done
  if (( ${#others[@]} )); then
    log "dockerd left running: still used by pid ${others[*]}"
    return 0
  fi
  local pid t0=$SECONDS
  pid=$(cat "$VN_ENGINE_DIR/dockerd.pid")
  log "stopping dockerd (pid $pid), which a run of these scripts started"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( SECONDS - t0 < 60 )); do sleep 0.3; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "dockerd (pid $pid) did not stop within 60 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$VN_ENGINE_DIR/dockerd.pid"
}

engine_down() { engine_locked engine_down_locked; }

# Removes the tests' containers whose test process is gone (a killed run cannot remove its own).
engine_remove_orphans() {
  local id pid
  while read -r id pid; do
    [[ -n $id ]] || continue
    if [[ ! $pid =~ ^[0-9]+$ || ! -d /proc/$pid ]]; then
      docker rm -f -v "$id" >/dev/null 2>&1 && log "removed container $id left by a dead test run (pid $pid)"
    fi
  done < <(docker ps -a --filter label=org.voicenote.tests.pid --format '{{.ID}} {{.Label "org.voicenote.tests.pid"}}' 2>/dev/null)
}
