# shellcheck shell=bash
# Shared helpers for build/*.sh. Source it; do not execute it.
# All messages go to stderr so that scripts can keep stdout for machine output.

VN_LOG_PREFIX=${VN_LOG_PREFIX:-$(basename "$0")}

log()  { printf '%s: %s\n' "$VN_LOG_PREFIX" "$*" >&2; }
warn() { printf '%s: WARNING: %s\n' "$VN_LOG_PREFIX" "$*" >&2; }
die()  { printf '%s: ERROR: %s\n' "$VN_LOG_PREFIX" "$*" >&2; exit 1; }

is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }

# Installed version of a Debian package, empty when it is not installed.
deb_version() {
  local out
  out=$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$1" 2>/dev/null) || return 0
  [[ $out == installed\ * ]] && printf '%s' "${out#installed }"
  return 0
}

# Prints (one per line) the specs from "$@" that are not installed.
# A spec is "name" or "name=version" (then the exact version must be installed).
deb_missing() {
  local spec name want have
  for spec in "$@"; do
    name=${spec%%=*}
    have=$(deb_version "$name")
    if [[ $spec == *=* ]]; then
      want=${spec#*=}
      [[ $have == "$want" ]] || printf '%s\n' "$spec"
    else
      [[ -n $have ]] || printf '%s\n' "$spec"
    fi
  done
}

# apt-get with the settings every install here uses.
vn_apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -q \
    -o DPkg::Lock::Timeout=300 \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "$@"
}

# Installs the given specs (name or name=version) with --no-install-recommends.
# Refreshes the package lists first: on a fresh machine they are empty, and a
# stale index points at versions the mirror no longer holds. apt's chatter goes
# to a log file ($VN_APT_LOG); its tail is shown when something fails.
VN_APT_LOG=${VN_APT_LOG:-/var/tmp/voicenote-apt.log}
apt_install() {
  (( $# )) || return 0
  is_root || die "these Debian packages are missing and installing them needs root: $* (run: sudo $0)"
  log "apt-get update + install: $* (log: $VN_APT_LOG)"
  {
    printf '\n==== %s %s: apt-get install %s\n' "$(date -Is)" "$VN_LOG_PREFIX" "$*"
    vn_apt_get update && vn_apt_get install -y --no-install-recommends --allow-downgrades "$@"
  } >>"$VN_APT_LOG" 2>&1 || {
    tail -n 30 "$VN_APT_LOG" >&2
    die "apt-get failed for: $* (full log: $VN_APT_LOG)"
  }
}

# Opens lock file $1 on a new descriptor and stores its number in the variable
# named $2 (then: flock -w SECONDS "$fd"). Falls back to a read-only descriptor
# when the file belongs to another user (flock works on read-only descriptors).
lock_fd_open() {
  local file=$1 fdvar=$2 fd
  if { exec {fd}>>"$file"; } 2>/dev/null; then
    chmod 0666 "$file" 2>/dev/null || true
  else
    exec {fd}<"$file" || die "cannot open lock file $file"
  fi
  printf -v "$fdvar" '%s' "$fd"
}

# npm ci in DIR from its package-lock.json, again only when the lock file changed since the last
# install (a stamp in node_modules). Needs Node.js 20.19+ with npm; reaches only the npm registry.
npm_packages() {
  local dir=$1 stamp want
  stamp=$dir/node_modules/.voicenote-lock.sha256
  command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js 20.19 or later with npm (needed in ${dir#"$PWD"/})"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return 0
  log "npm ci in $dir (the lock file changed or nothing is installed)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dir"
  printf '%s\n' "$want" >"$stamp"
}
