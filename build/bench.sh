#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md), one entry point. Not part of build/test.sh. Each starts the
# real API (Release, `VoiceNote.WebApi.dll serve`) on 127.0.0.1 against its own database and drives it.
#
# Usage: build/bench.sh [notes|auth|uploads|pipeline|streams|cases|timeline|exports|analytics] [options]  (default: notes)
#   notes     seeds 200,000 notes over 1,000 users plus one user with 20,000 and one with 50 (COPY BINARY), builds the
#             GIN and HNSW indexes, checks recall@10 of the HNSW path against exact search, then
#             measures lists and search through the API and the same SQL directly through Npgsql.
#               build/bench.sh                                   the issue's figures (several minutes)
#               build/bench.sh --notes 20000 --user-notes 5000   a quick run (its deep page: 226, the last full one)
#               build/bench.sh --skip-seed                       again on the data of the last run
#             --notes N --users N --user-notes N --maintenance-work-mem 512MB --workers 2
#             --recall-queries N --deep-page N --warmup N --samples N --concurrency N --throughput N
#             --small-user-notes N (50: one more owner, the small end of the recall check)
#             --embed-notes N (500: notes through the local sentence model for its notes/s)
#             Also the API's RSS before its first semantic search and with the sentence model loaded.
#             --deep-page: the keyset page measured in the user's list (not archived or deleted, 20 a page);
#             default 500, or the last full page when the list has fewer; a page past the data is refused
#             before seeding.
#   auth      token issue (password and client_credentials grants at c=1 and 4), the per-request
#             check's SQL alone, /health/live and /api/v1/me (c=1 and 8).
#             --requests N (default 2000) --token-requests N (300) --rounds N
#             --before-webapi DLL: also measure an older build (e.g. a worktree's Release
#             VoiceNote.WebApi.dll), each on its own database (<database>_before, <database>_after),
#             alternating sides, 2 rounds by default; prints medians and after / before ratios.
#   uploads   (a) upload MB/s of big WAVs against File.Copy and an fsync'd copy on the same disk,
#             (b) concurrent uploads of short M4As (all must succeed) with the API's memory; job
#             workers off.   --sizes 100,20 --samples 5 --concurrent 50 --users 50 --part all|throughput|concurrent
#   pipeline  a 60 s flite recording from upload to a completed processing job, stages by polling.
#             --seconds 60 --poll-ms 100 --timeout 900
#   streams   (issue 12) one user's normal requests (notes list, a note, /me; c=8) while another user
#             holds the most progress streams it may (Audio:MaxProgressStreamsPerUser) and tries 1,000
#             more (all must be 429), against no streams; after a warm-up run the sides alternate A B, B A (job workers off).
#             --requests 4000 --rounds 4 --concurrency 8 --attempts 1000 --max-streams 5 --notes 20
#   cases     (issue 14) the case list of one user who takes part in 500 of 5,000 cases (COPY BINARY): the first
#             page, the last full page by its keyset cursor, and status=ACTIVE&role=EDITOR, through the API and
#             as the same SQL through Npgsql, with EXPLAIN ANALYZE of each statement.
#             --cases 5000 --user-cases 500 --users 400 --warmup 50 --samples 200 --concurrency 4 --throughput 400
#   timeline  (issue 14) one case's timeline of 10,000 entries among 200,000 in the activity log (COPY BINARY): the first
#             page and a deep keyset page through the API against the same SQL through Npgsql, with EXPLAIN (fails
#             unless the case index is used).   --entries 200000 --case-entries 10000 --cases 2000 --deep-page 480
#             --warmup 50 --samples 200 --concurrency 4 --throughput 400
#   exports   (issue 15) (a) a two-hour note written as txt, json, docx and pdf_transcript, each in a fresh process
#             (time, peak RSS, bytes; plain text is the baseline); (b) an account export of 1,000 notes and 5 GB of
#             audio (sparse files) through the API against an fsync'd copy of the same bytes, with the API's peak RSS.
#             --part all|writers|account --minutes 120 --words 18000 --samples 3 --notes 1000 --recordings 50 --gigabytes 5
#   analytics (issue 16) GET /api/v1/admin/analytics over 1,000,000 notes (with users, sessions, tasks, recordings,
#             transcriptions, analyses, jobs and exports over a year; generate_series, the counting triggers on) through
#             the API (rolled-up daily counts, ADR 0087) against the same figures counted naively over the base tables,
#             30-day and 365-day ranges; fails unless both give the same figures.
#             --notes 1000000 --users 1000 --tasks 300000 --recordings 20000 --skip-seed
#             --warmup 3 --samples 40 --concurrency 4 --throughput 40 (the naive side takes seconds a call)
# Common: --port N --database NAME --db CONNECTION --output FILE
# Uses VOICENOTE_BENCH_DB or VOICENOTE_DB (a server where it may create the databases
# "voicenote_bench", "voicenote_bench_auth", "voicenote_bench_uploads", "voicenote_bench_pipeline",
# "voicenote_bench_streams", "voicenote_bench_cases",
# "voicenote_bench_timeline", "voicenote_bench_exports", "voicenote_bench_analytics"), else starts the local cluster
# with build/db.sh. Figures go to stdout and to .data/bench/<time>-<command>.md.
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

COMMAND=notes
case ${1:-} in
  notes | auth | uploads | pipeline | streams | cases | timeline | exports | analytics) COMMAND=$1; shift ;;
  -* | '') ;;
  *) die "unknown benchmark '$1' (notes, auth, uploads, pipeline, streams, cases, timeline, exports, analytics)" ;;
esac

mkdir -p "$REPO/.data/bench"
OUT="$REPO/.data/bench/$(date -u +%Y%m%dT%H%M%SZ)-$COMMAND.md"
log "running $COMMAND (figures also in $OUT)"
dotnet bench/VoiceNote.Benchmarks/bin/Release/net10.0/VoiceNote.Benchmarks.dll "$COMMAND" \
  --webapi "$REPO/src/WebApi/bin/Release/net10.0/VoiceNote.WebApi.dll" --output "$OUT" "$@"
