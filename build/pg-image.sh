#!/usr/bin/env bash
# The PostgreSQL 15 + pgvector image the integration tests run in a container
# (docs/decisions/0008), built on this machine from Debian packages: no
# container registry is needed.
#
# Usage: build/pg-image.sh [build|name]     (default: build)
#   build   make sure the image exists, building it when missing (about a
#           minute); print its name:tag on stdout
#   name    print the name:tag the current recipe builds, without building
#
# The recipe: a minimal Debian root of the host's release (debootstrap, the
# host's own apt mirror), postgresql-15 from Debian inside it, the host's
# pgvector build (build/db.sh pgvector) copied into the same paths, and an
# entrypoint that reads POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB like the
# official postgres image's, which is what Testcontainers sets. The tag is a
# hash of this script and the pgvector files, so a changed recipe builds a new
# image (older tags are then removed) and an unchanged one is never rebuilt.
#
# Needs a Docker engine that answers (build/test.sh starts one) and, to build,
# root (debootstrap, chroot). Exit status 3: no engine answers.
# With registry access, VOICENOTE_TEST_PG_IMAGE=pgvector/pgvector:pg15 makes the
# tests use the public image instead, and this script is not needed.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
VN_LOG_PREFIX=pg-image.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"

PG_MAJOR=15
PGBIN=/usr/lib/postgresql/$PG_MAJOR/bin
IMAGE_REPO=voicenote/test-postgres
ENTRYPOINT=/usr/local/bin/voicenote-postgres-entrypoint
WORK=/var/tmp/voicenote-pg-image
BUILD_LOG=$WORK/build.log

CMD=${1:-build}
case $CMD in
  build|name) ;;
  -h|--help|help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown command '$CMD' (usage: build/pg-image.sh [build|name])" ;;
esac

# ---------------------------------------------------------------------------
# The tag: this script plus the pgvector files that go into the image
# ---------------------------------------------------------------------------

bash "$SCRIPT_DIR/db.sh" pgvector
mapfile -t PG_DIRS < <("$PGBIN/pg_config" --pkglibdir --sharedir)
PKGLIBDIR=${PG_DIRS[0]} SHAREDIR=${PG_DIRS[1]}
mapfile -t VECTOR_FILES < <(
  { ls "$PKGLIBDIR/vector.so"; ls "$SHAREDIR"/extension/vector.control "$SHAREDIR"/extension/vector--*.sql
    [[ -d $PKGLIBDIR/bitcode ]] && find "$PKGLIBDIR/bitcode" -path '*vector*' -type f; } 2>/dev/null | sort)
RECIPE_HASH=$( { cat "${BASH_SOURCE[0]}"; sha256sum "${VECTOR_FILES[@]}"; } | sha256sum | cut -c1-12)
PGVECTOR_VERSION=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$SHAREDIR/extension/vector.control")
IMAGE=$IMAGE_REPO:$PG_MAJOR-pgvector$PGVECTOR_VERSION-$RECIPE_HASH

if [[ $CMD == name ]]; then printf '%s\n' "$IMAGE"; exit 0; fi

command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1 || {
  log "no Docker engine answers (docker info): cannot look for or build $IMAGE"
  exit 3
}

have_image() { docker image inspect "$IMAGE" >/dev/null 2>&1; }
if have_image; then printf '%s\n' "$IMAGE"; exit 0; fi

is_root || die "the image $IMAGE is missing and building it needs root (debootstrap, chroot): run 'sudo build/pg-image.sh' once, or use the public image: VOICENOTE_TEST_PG_IMAGE=pgvector/pgvector:pg15"

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

mkdir -p "$WORK"
lock_fd_open "$WORK.lock" LOCK_FD
flock -w 900 "$LOCK_FD" || die "timed out waiting for another build/pg-image.sh"
if have_image; then printf '%s\n' "$IMAGE"; exit 0; fi

ROOT=$WORK/rootfs
cleanup() {
  mountpoint -q "$ROOT/proc" 2>/dev/null && umount "$ROOT/proc"
  mountpoint -q "$ROOT/proc" 2>/dev/null || rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT

failed() { tail -n 25 "$BUILD_LOG" >&2; die "$1 (log: $BUILD_LOG)"; }

# The host's release and apt sources: the image is the same Debian as the host,
# whose pgvector build it takes, and it uses the mirror the host is set up with.
# shellcheck source=/dev/null
CODENAME=$(. /etc/os-release && [[ ${ID:-} == debian ]] && printf '%s' "${VERSION_CODENAME:-}") || true
[[ -n $CODENAME ]] || die "building the image needs a Debian host (/etc/os-release names ${ID:-another system})"
host_sources() {   # "URI SUITE" for the release's main component, one per line
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' 2>/dev/null \
    | awk -v c="$CODENAME" '$3 == "main" && ($2 == c || $2 == c "-updates" || $2 == c "-security") { print $1, $2 }' | sort -u
}
[[ -n $(host_sources) ]] || vn_apt_get update >>"$VN_APT_LOG" 2>&1 || true
mapfile -t SOURCES < <(host_sources)
MIRROR=$(printf '%s\n' "${SOURCES[@]}" | awk -v c="$CODENAME" '$2 == c { print $1; exit }')
[[ -n $MIRROR ]] || die "no apt source for Debian $CODENAME main is configured on this host"

mapfile -t need < <(deb_missing debootstrap)
apt_install "${need[@]}"

t0=$SECONDS
log "building $IMAGE (Debian $CODENAME, PostgreSQL $PG_MAJOR, pgvector $PGVECTOR_VERSION; log: $BUILD_LOG)"
: >"$BUILD_LOG"
rm -rf --one-file-system "$ROOT"
{
  echo "==== $(date -Is) debootstrap $CODENAME from $MIRROR"
  debootstrap --variant=minbase "$CODENAME" "$ROOT" "$MIRROR"
} >>"$BUILD_LOG" 2>&1 || failed "debootstrap failed"

# PostgreSQL from Debian inside the root; no service may start there, and the
# cluster the package creates is removed (the entrypoint makes its own).
printf 'deb %s %s main\n' $(printf '%s\n' "${SOURCES[@]}") >"$ROOT/etc/apt/sources.list"
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod 0755 "$ROOT/usr/sbin/policy-rc.d"
mount -t proc proc "$ROOT/proc"
{
  echo "==== $(date -Is) apt-get install postgresql-$PG_MAJOR in the root"
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -ec "apt-get -q update && apt-get -q install -y --no-install-recommends postgresql-$PG_MAJOR postgresql-client-$PG_MAJOR && apt-get clean"
} >>"$BUILD_LOG" 2>&1 || failed "installing PostgreSQL in the image root failed"
umount "$ROOT/proc"
rm -rf "$ROOT/var/lib/postgresql/$PG_MAJOR/main" "$ROOT/etc/postgresql/$PG_MAJOR/main" \
  "$ROOT/usr/sbin/policy-rc.d" "$ROOT"/var/lib/apt/lists/* "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/*
: >"$ROOT/etc/resolv.conf"
[[ -x $ROOT$PGBIN/postgres ]] || failed "no $PGBIN/postgres in the image root"

# pgvector: the host's build, for the same Debian and PostgreSQL major version.
for file in "${VECTOR_FILES[@]}"; do
  install -D -m 0644 "$file" "$ROOT$file"
done

cat >"$ROOT$ENTRYPOINT" <<'ENTRYPOINT_SCRIPT'
#!/bin/sh
# VoiceNote's test PostgreSQL (build/pg-image.sh). Like the official image's entrypoint for what
# Testcontainers uses: POSTGRES_USER (superuser), POSTGRES_PASSWORD, POSTGRES_DB, server options as
# arguments ("-c name=value", optionally after "postgres").
set -eu
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
[ "${1:-}" = postgres ] && shift
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 0700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  chown postgres "$pwfile"
  as_postgres "$PGBIN/initdb" -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null
  rm -f "$pwfile"
  printf 'host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  # No TCP listener while initialising: a readiness probe must not see this server.
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -o "-c listen_addresses='' -c fsync=off" start
  if [ "$db" != postgres ]; then
    as_postgres "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -m fast stop
fi
# docker stop sends SIGTERM, which PostgreSQL takes as "wait for every client"; a throwaway
# server stops at once instead (SIGINT: fast shutdown).
setpriv --reuid=postgres --regid=postgres --init-groups "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' "$@" &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null' INT TERM
status=0
wait "$pid" || status=$?
while kill -0 "$pid" 2>/dev/null; do wait "$pid" || status=$?; done
exit "$status"
ENTRYPOINT_SCRIPT
chmod 0755 "$ROOT$ENTRYPOINT"

{
  echo "==== $(date -Is) docker import $IMAGE"
  tar -C "$ROOT" --numeric-owner -c . | docker import \
    -c "ENTRYPOINT [\"$ENTRYPOINT\"]" -c 'CMD ["postgres"]' -c 'EXPOSE 5432' \
    -c "ENV PATH=$PGBIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'ENV LANG=C.UTF-8' \
    -c "LABEL org.voicenote.recipe=$RECIPE_HASH" - "$IMAGE"
} >>"$BUILD_LOG" 2>&1 || failed "docker import failed"

# Older recipes' images are dead weight (about 300 MB each).
while read -r old; do
  [[ -n $old && $old != "$IMAGE" ]] || continue
  docker image rm "$old" >/dev/null 2>&1 && log "removed the older image $old"
done < <(docker image ls "$IMAGE_REPO" --format '{{.Repository}}:{{.Tag}}')

log "built $IMAGE in $((SECONDS - t0)) s"
printf '%s\n' "$IMAGE"
