#!/usr/bin/env bash
# Runs the product: installs what is missing, starts the local PostgreSQL with
# pgvector (or uses VOICENOTE_DB), migrates, seeds development data, builds the web
# app and serves it with the API on http://127.0.0.1:5080 (VOICENOTE_PORT to change
# it). Ctrl+C stops it.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=run.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
PORT=${VOICENOTE_PORT:-5080}

bash "$SCRIPT_DIR/setup.sh"
CONNECTION=$(bash "$SCRIPT_DIR/db.sh" start)

log "building the API"
dotnet build src/WebApi/VoiceNote.WebApi.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
APP="$REPO/src/WebApi/bin/Release/net10.0"
log "building the web app"
bash "$SCRIPT_DIR/web.sh" "$APP"

export ConnectionStrings__VoiceNote="$CONNECTION"
export Storage__Root=${Storage__Root:-$REPO/.data/storage}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The public base URL is the OAuth issuer (docs/decisions/0059); plain http is allowed for this local run.
export Identity__Issuer=${Identity__Issuer:-http://127.0.0.1:$PORT/}
export Identity__AllowHttp=${Identity__AllowHttp:-true}
# The web app's callback (docs/decisions/0091), under both names of this machine.
export Identity__WebRedirectUris__0=${Identity__WebRedirectUris__0:-http://127.0.0.1:$PORT/callback}
export Identity__WebRedirectUris__1=${Identity__WebRedirectUris__1:-http://localhost:$PORT/callback}
export Web__Root=${Web__Root:-$REPO/web/dist}
mkdir -p "$Storage__Root"

cd "$APP"
# Development accounts with known passwords: only in Development and only into the project's own
# local cluster, never into a server given in VOICENOTE_DB (ADR 0068).
if [[ $ASPNETCORE_ENVIRONMENT == Development && -z ${VOICENOTE_DB:-} ]]; then
  dotnet VoiceNote.WebApi.dll seed
else
  log "no development seed (ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT${VOICENOTE_DB:+, VOICENOTE_DB set}); create an admin with: dotnet $APP/VoiceNote.WebApi.dll create-admin --email … --password …"
fi
log "web app on http://127.0.0.1:$PORT/ (or http://localhost:$PORT/); API docs: /docs, OpenAPI: /openapi/v1.json, health: /health/ready"
exec dotnet VoiceNote.WebApi.dll serve --urls "http://127.0.0.1:$PORT"
