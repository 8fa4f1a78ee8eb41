#!/usr/bin/env bash
# Runs every test: installs what is missing, starts the local PostgreSQL (or uses
# VOICENOTE_TEST_DB / VOICENOTE_DB), builds the solution and runs all test projects.
# Ends with one line "N passed, N failed[, N skipped]"; exits non-zero on any failure.
#
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter Name~Outbox]
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=test.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash "$SCRIPT_DIR/setup.sh"
if [[ -z ${VOICENOTE_TEST_DB:-} ]]; then
  VOICENOTE_TEST_DB=$(VOICENOTE_DB_FAST=1 bash "$SCRIPT_DIR/db.sh" start)
  export VOICENOTE_TEST_DB
fi

log "building"
dotnet build VoiceNote.sln -c Debug --nologo -v quiet -clp:ErrorsOnly

RESULTS="$REPO/.data/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log "running tests (results in $RESULTS)"
set +e
dotnet test VoiceNote.sln -c Debug --no-build --nologo -v quiet \
  --results-directory "$RESULTS" --logger "trx" --logger "console;verbosity=minimal" "$@"
status=$?
set -e

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

if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
(( failed == 0 ))
