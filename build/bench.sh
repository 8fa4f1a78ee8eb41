#!/usr/bin/env bash
# The Notes benchmark (docs/benchmarks.md): seeds 200,000 notes over 1,000 users plus one user with
# 20,000 (COPY BINARY), builds the GIN and HNSW indexes, checks recall@10 of the HNSW path against
# exact search, then measures list, deep-cursor list, full-text, semantic and hybrid search through
# the API on 127.0.0.1 and the same SQL directly through Npgsql. Not part of build/test.sh.
#
# Usage: build/bench.sh [benchmark options], e.g.
#   build/bench.sh                                   the issue's figures (takes several minutes)
#   build/bench.sh --notes 20000 --user-notes 5000   a quick run
#   build/bench.sh --skip-seed                       measure again on the data of the last run
# Options: --notes N --users N --user-notes N --maintenance-work-mem 512MB --workers 2
#          --recall-queries N --deep-page N --warmup N --samples N --concurrency N --throughput N
#          --port N --database NAME --output FILE
# Uses VOICENOTE_BENCH_DB or VOICENOTE_DB (a server where it may create the database
# "voicenote_bench"), else starts the local cluster with build/db.sh.
# Figures go to stdout and to .data/bench/<time>.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=bench.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -z ${VOICENOTE_BENCH_DB:-} ]]; then
  if [[ -n ${VOICENOTE_DB:-} ]]; then
    VOICENOTE_BENCH_DB=$VOICENOTE_DB
  else
    bash "$SCRIPT_DIR/setup.sh"
    VOICENOTE_BENCH_DB=$(bash "$SCRIPT_DIR/db.sh" start)
  fi
fi
export VOICENOTE_BENCH_DB

log "building the API and the benchmark (Release)"
dotnet build src/WebApi/VoiceNote.WebApi.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/VoiceNote.Benchmarks/VoiceNote.Benchmarks.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

mkdir -p "$REPO/.data/bench"
OUT="$REPO/.data/bench/$(date -u +%Y%m%dT%H%M%SZ).md"
log "running (figures also in $OUT)"
dotnet bench/VoiceNote.Benchmarks/bin/Release/net10.0/VoiceNote.Benchmarks.dll \
  --webapi "$REPO/src/WebApi/bin/Release/net10.0/VoiceNote.WebApi.dll" --output "$OUT" "$@"
