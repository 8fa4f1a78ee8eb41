#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the solution and runs all test
# projects. Ends with one line "N passed, N failed[, N skipped]"; exits non-zero on
# any failure.
#
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter Name~Outbox]
#
# PostgreSQL for the integration tests (docs/decisions/0008), in this order:
#   VOICENOTE_TEST_DB             a server of yours (Npgsql connection string): used as it is
#   a container (Testcontainers)  on the Docker engine that answers, or on Debian's
#                                 docker.io, installed and started here as root and
#                                 stopped again at the end; the image is
#                                 VOICENOTE_TEST_PG_IMAGE (e.g. pgvector/pgvector:pg15)
#                                 or the project's own, built by build/pg-image.sh
#   the local cluster (db.sh)     when no container can run, or VOICENOTE_TEST_NO_CONTAINER
#                                 is set; stopped at the end if this run started it
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=test.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash "$SCRIPT_DIR/setup.sh"

# The generated TypeScript client's packages (GeneratedClientTests; docs/decisions/0063): npm ci
# from the lock file, again only when the lock file changed since the last install (stamp below).
client_packages() {
  local dir=$REPO/tests/client-typescript stamp want
  stamp=$dir/node_modules/.voicenote-lock.sha256
  command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js 20 or later with npm (the generated-client test needs it)"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return 0
  log "npm ci in tests/client-typescript (the lock file changed or nothing is installed)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in tests/client-typescript"
  printf '%s\n' "$want" >"$stamp"
}
client_packages

# ---------------------------------------------------------------------------
# PostgreSQL: the tests' fixture makes the choice; this prepares what it needs
# and undoes at the end what it started (a CI run leaves nothing running).
# ---------------------------------------------------------------------------
# shellcheck source=build/engine.sh
source "$SCRIPT_DIR/engine.sh"
engine_used=0 cluster_was_running=1 finished=0

prepare_container() {
  export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}   # Ryuk's image cannot be pulled here
  export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}
  local t0=$SECONDS image
  if ! engine_up; then
    warn "no container for PostgreSQL: $ENGINE_WHY"
    export VOICENOTE_TEST_NO_CONTAINER=$ENGINE_WHY
    return 0
  fi
  engine_used=1
  engine_remove_orphans
  if [[ -n ${VOICENOTE_TEST_PG_IMAGE:-} ]]; then
    log "PostgreSQL: a container from $VOICENOTE_TEST_PG_IMAGE (VOICENOTE_TEST_PG_IMAGE)"
  elif image=$(bash "$SCRIPT_DIR/pg-image.sh"); then
    export VOICENOTE_TEST_PG_IMAGE=$image
    log "PostgreSQL: a container from $image (engine and image ready in $((SECONDS - t0)) s)"
  else
    warn "no container for PostgreSQL: build/pg-image.sh failed"
    export VOICENOTE_TEST_NO_CONTAINER="the image could not be built (build/pg-image.sh)"
  fi
}

finish() {
  (( finished )) && return 0
  finished=1
  if (( engine_used )); then
    engine_remove_orphans
    engine_down || warn "$ENGINE_WHY"
  fi
  if (( ! cluster_was_running )) && VOICENOTE_DB='' bash "$SCRIPT_DIR/db.sh" status 2>/dev/null; then
    log "stopping the local cluster the tests started"
    VOICENOTE_DB='' bash "$SCRIPT_DIR/db.sh" stop || true
  fi
}
trap finish EXIT
trap 'exit 130' INT TERM

if [[ -n ${VOICENOTE_TEST_DB:-} ]]; then
  log "PostgreSQL: the server in VOICENOTE_TEST_DB"
else
  # The fixture falls back to the local cluster by itself when a container fails to start.
  VOICENOTE_DB='' bash "$SCRIPT_DIR/db.sh" status 2>/dev/null || cluster_was_running=0
  [[ -n ${VOICENOTE_TEST_NO_CONTAINER:-} ]] || prepare_container
  if [[ -n ${VOICENOTE_TEST_NO_CONTAINER:-} ]]; then
    log "PostgreSQL: the local cluster through build/db.sh (no container: $VOICENOTE_TEST_NO_CONTAINER)"
  fi
fi

log "building"
dotnet build VoiceNote.sln -c Debug --nologo -v quiet -clp:ErrorsOnly
# The web app the browser tests load (tests/VoiceNote.IntegrationTests/Web; docs/decisions/0091).
bash "$SCRIPT_DIR/web.sh" "$REPO/src/WebApi/bin/Debug/net10.0"
# Under this script the browser tests run or fail; they never skip for a missing Chromium.
export VOICENOTE_REQUIRE_BROWSER=1

RESULTS="$REPO/.data/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log "running tests (results in $RESULTS)"
set +e
# --blame: if a test host dies (a native library's crash), the sequence file names the tests it was running.
dotnet test VoiceNote.sln -c Debug --no-build --nologo -v quiet --blame \
  --results-directory "$RESULTS" --logger "trx" --logger "console;verbosity=minimal" "$@"
status=$?
set -e
while IFS= read -r sequence; do
  log "a test host crashed; the last tests it started ($sequence):"
  grep -o 'Name="[^"]*"' "$sequence" | tail -n 5 | sed 's/^/  /'
done < <(find "$RESULTS" -name 'Sequence_*.xml' 2>/dev/null)

passed=0 failed=0 skipped=0 files=0
for trx in "$RESULTS"/*.trx; do
  [[ -e $trx ]] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(attr total) ok=$(attr passed) bad=$(attr failed) err=$(attr error) timedout=$(attr timeout) aborted=$(attr aborted)
  passed=$((passed + ${ok:-0}))
  failed=$((failed + ${bad:-0} + ${err:-0} + ${timedout:-0} + ${aborted:-0}))
  skipped=$((skipped + ${total:-0} - ${ok:-0} - ${bad:-0} - ${err:-0} - ${timedout:-0} - ${aborted:-0}))
done

# A crashed test host writes no result file: count it as a failure rather than report nothing.
if (( status != 0 && failed == 0 )); then
  failed=1
fi
if (( files == 0 )); then
  failed=$((failed > 0 ? failed : 1))
fi

# Before the summary, so that it stays the last line of the output.
finish

if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
(( failed == 0 ))
