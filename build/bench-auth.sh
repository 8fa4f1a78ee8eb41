#!/usr/bin/env bash
# Benchmarks: starts the API (Release) on 127.0.0.1:${VOICENOTE_BENCH_PORT:-5081} against the local
# PostgreSQL, runs the load driver's suites and prints markdown tables for docs/benchmarks.md.
#
# Usage: build/bench-auth.sh   (the per-request session lookup; the Notes benchmark is build/bench.sh)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=bench-auth.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT=${VOICENOTE_BENCH_PORT:-5081}
SUITES=("${@:-auth}")

bash "$SCRIPT_DIR/setup.sh"
CONNECTION=$(bash "$SCRIPT_DIR/db.sh" start)

log "building (Release)"
dotnet build src/WebApi/VoiceNote.WebApi.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/VoiceNote.AuthBenchmarks/VoiceNote.AuthBenchmarks.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

APP="$REPO/src/WebApi/bin/Release/net10.0"
LOG="$REPO/.data/bench-api.log"
(
  cd "$APP"
  ConnectionStrings__VoiceNote="$CONNECTION" Storage__Root="$REPO/.data/bench-storage" ASPNETCORE_ENVIRONMENT=Production \
  Database__MigrateOnStartup=true Logging__LogLevel__Default=Warning \
  RateLimits__auth__PermitLimit=1000000 RateLimits__api__PermitLimit=1000000 \
  exec dotnet VoiceNote.WebApi.dll serve --urls "http://127.0.0.1:$PORT"
) >"$LOG" 2>&1 &
API_PID=$!
trap 'kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$API_PID" 2>/dev/null || die "the API did not start; see $LOG"
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || die "the API is not ready; see $LOG"

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; API pid $API_PID"
for suite in "${SUITES[@]}"; do
  log "suite: $suite"
  dotnet "$REPO/bench/VoiceNote.AuthBenchmarks/bin/Release/net10.0/VoiceNote.AuthBenchmarks.dll" "$suite" --base "http://127.0.0.1:$PORT" --db "$CONNECTION"
done
