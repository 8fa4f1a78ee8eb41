#!/usr/bin/env bash
# Installs the Debian packages VoiceNote needs at run time and in tests, and the
# web app's npm packages (npm ci in web/ when its lock file changed).
#
# Usage: build/setup.sh [--verify]
#   (no argument)  install whatever is missing from PACKAGES; silent-ish and
#                  fast (one line) when everything is already there
#   --verify       also smoke-test the tools (ffmpeg, ffprobe, flite, model)
#
# Idempotent. Needs root only when something is missing. apt-get update runs
# only when something is missing. Why each tool: docs/decisions/0035 (ffmpeg),
# 0037 (PocketSphinx).
set -euo pipefail

# ---------------------------------------------------------------------------
# Debian packages the product needs. Later modules: add to this list.
PACKAGES=(
  ffmpeg               # ffmpeg + ffprobe: decode uploads to 16 kHz mono PCM, probe duration
  pocketsphinx         # offline speech recognition (tools)
  pocketsphinx-en-us   # English acoustic/language model, /usr/share/pocketsphinx/model/en-us
  libpocketsphinx3     # libpocketsphinx.so.3, used through P/Invoke
  libsphinxbase3       # libsphinxbase.so.3, used through P/Invoke
  flite                # test speech (espeak-ng output is not recognised)
  sox                  # WAV conversion/padding in tests
  fonts-dejavu-core    # PDF exports: the text font, DejaVu Sans (docs/decisions/0082)
  fonts-noto-cjk       # PDF exports: Chinese, Japanese and Korean, found through fontconfig fallback
  fonts-noto-color-emoji # PDF exports: emoji in colour instead of empty boxes
  fonts-noto-core      # PDF exports: the other scripts DejaVu lacks (Devanagari, Thai, ...)
  poppler-utils        # tests read the PDFs back: pdftotext, pdfinfo, pdffonts, pdftoppm
  chromium             # the web app's browser tests (Playwright drives /usr/bin/chromium; ADR 0091)
)
# ---------------------------------------------------------------------------

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
VN_LOG_PREFIX=setup.sh
# shellcheck source=build/lib.sh
source "$SCRIPT_DIR/lib.sh"

verify=0
case ${1:-} in
  "") ;;
  --verify) verify=1 ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument '$1' (usage: build/setup.sh [--verify])" ;;
esac

# Smoke tests of the installed tools; only for packages in PACKAGES.
smoke_test() {
  local failed=0
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  has() { local p; for p in "${PACKAGES[@]}"; do [[ $p == "$1" ]] && return 0; done; return 1; }
  if has ffmpeg; then
    ffmpeg -hide_banner -version >/dev/null 2>&1 || { warn "ffmpeg -version failed"; failed=1; }
    ffprobe -hide_banner -version >/dev/null 2>&1 || { warn "ffprobe -version failed"; failed=1; }
  fi
  if has flite; then
    if flite -voice rms -t hello -o "$tmp/x.wav" >/dev/null 2>&1 && [[ -s $tmp/x.wav ]]; then
      if has ffmpeg; then
        ffmpeg -hide_banner -loglevel error -y -i "$tmp/x.wav" -ar 16000 -ac 1 -f s16le "$tmp/x.raw" \
          && [[ -s $tmp/x.raw ]] || { warn "ffmpeg could not decode flite output"; failed=1; }
      fi
      if has sox; then
        sox "$tmp/x.wav" -r 16000 -c 1 -b 16 -e signed-integer "$tmp/y.wav" 2>/dev/null \
          || { warn "sox conversion failed"; failed=1; }
      fi
    else
      warn "flite -voice rms failed"; failed=1
    fi
  fi
  if has pocketsphinx-en-us; then
    local m=/usr/share/pocketsphinx/model/en-us
    [[ -d $m/en-us && -f $m/en-us.lm.bin && -f $m/cmudict-en-us.dict ]] \
      || { warn "pocketsphinx model incomplete at $m"; failed=1; }
  fi
  if has libpocketsphinx3; then
    ldconfig -p | grep -q 'libpocketsphinx\.so\.3' || { warn "libpocketsphinx.so.3 not in ld cache"; failed=1; }
  fi
  if has poppler-utils; then
    pdftotext -v >/dev/null 2>&1 || { warn "pdftotext -v failed"; failed=1; }
  fi
  if has fonts-noto-cjk; then
    [[ -n $(fc-list ':lang=ja' family) ]] || { warn "fontconfig knows no Japanese font"; failed=1; }
  fi
  if has chromium; then
    chromium --version >/dev/null 2>&1 || { warn "chromium --version failed"; failed=1; }
  fi
  if has libsphinxbase3; then
    ldconfig -p | grep -q 'libsphinxbase\.so\.3' || { warn "libsphinxbase.so.3 not in ld cache"; failed=1; }
  fi
  (( failed == 0 )) || die "smoke test failed (see warnings above)"
  log "smoke test passed"
}

# The web app's packages, from the lock file (build/web.sh builds it).
web_packages() { npm_packages "$(cd "$SCRIPT_DIR/.." && pwd -P)/web"; }

mapfile -t missing < <(deb_missing "${PACKAGES[@]}")

if (( ${#missing[@]} == 0 )); then
  log "all ${#PACKAGES[@]} Debian packages present"
  (( verify )) && smoke_test
  web_packages
  exit 0
fi

is_root || die "missing Debian packages: ${missing[*]}. Install them as root: sudo build/setup.sh (or: sudo apt-get install --no-install-recommends ${missing[*]})"

# Serialise concurrent runs (apt has its own lock, but a second run should
# see the first one's result rather than queue a duplicate install).
lock_fd_open /var/tmp/voicenote-setup.lock lockfd
flock -w 900 "$lockfd" || die "timed out waiting for another build/setup.sh"
mapfile -t missing < <(deb_missing "${PACKAGES[@]}")
if (( ${#missing[@]} )); then
  start=$SECONDS
  apt_install "${missing[@]}" {lockfd}>&-   # no daemon a postinst starts may inherit the lock
  mapfile -t still < <(deb_missing "${PACKAGES[@]}")
  (( ${#still[@]} == 0 )) || die "still missing after install: ${still[*]}"
  log "installed ${missing[*]} in $((SECONDS - start)) s"
  smoke_test
else
  log "all ${#PACKAGES[@]} Debian packages present (installed by a concurrent run)"
  (( verify )) && smoke_test
fi
web_packages
exit 0
