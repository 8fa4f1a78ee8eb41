#!/usr/bin/env bash
# Builds the web app (web/, docs/decisions/0091) into web/dist, which the API host serves at /:
# writes the OpenAPI document with the built host's `openapi` verb (no database, nothing served),
# generates the TypeScript types from it, installs the packages when the lock file changed (npm ci),
# then type-checks and bundles (tsc, vite build).
#
# Usage: build/web.sh APP_DIR   (the folder holding the built VoiceNote.WebApi.dll)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/.." && pwd -P)
VN_LOG_PREFIX=web.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"

APP=${1:?usage: build/web.sh APP_DIR (the folder of the built VoiceNote.WebApi.dll)}
[[ -f $APP/VoiceNote.WebApi.dll ]] || die "no VoiceNote.WebApi.dll in $APP: build the API first"
DOCUMENT=$REPO/.data/openapi/v1.json

npm_packages "$REPO/web"
(cd "$APP" && dotnet VoiceNote.WebApi.dll openapi "$DOCUMENT" --Logging:LogLevel:Default=Error >/dev/null) \
  || die "the host could not write its OpenAPI document"
cd "$REPO/web"
VOICENOTE_OPENAPI=$DOCUMENT npm run --silent generate >/dev/null 2>&1 || die "openapi-typescript failed on $DOCUMENT (run: cd web && VOICENOTE_OPENAPI=$DOCUMENT npm run generate)"
npm run --silent build -- --logLevel warn || die "the web app did not build (tsc or vite; see above)"
log "web app built in web/dist"
