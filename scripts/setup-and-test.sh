#!/usr/bin/env bash
# The one test command for a fresh machine: installs what the tests need and
# is missing, then runs npm test. On a machine that already has everything it
# installs nothing and only runs the tests.
#
#   ./scripts/setup-and-test.sh
#
# Debian (or Ubuntu) packages, installed with sudo when not run as root:
#   chromium                 the browser the renderer tests run in
#   libreoffice-writer-nogui render the Word exports to PDF, as a reader would see them
#   libreoffice-calc-nogui   write spreadsheets as other programs do, for the import tests
#   poppler-utils            read the rendered PDFs back (pdftotext, pdftoppm)
#   fonts-dejavu-core, fonts-liberation
#                            fonts, so pages and exports lay out the same everywhere
#                            (Liberation Sans has Arial's metrics)
#   faketime                 run the suite years ahead, to prove no test depends on the date
# Then the npm packages (npm ci) if node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

has_package() { dpkg -s "$1" >/dev/null 2>&1; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
has_package fonts-dejavu-core || missing+=(fonts-dejavu-core)
has_package fonts-liberation || missing+=(fonts-liberation)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
has_package libreoffice-calc-nogui || has_package libreoffice-calc || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need these Debian packages, and this machine has no apt-get to install them: ${missing[*]}" >&2
    echo "Install their equivalents by hand, then run npm test." >&2
    exit 1
  fi
  echo "Installing the packages the tests need: ${missing[*]}${SUDO:+ (with sudo)}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "The Debian packages the tests need are all installed."
fi

# The tests use Debian's Chromium and never launch Electron itself, so neither
# Electron's nor Playwright's own browser is downloaded (this machine may have
# no way to reach them). npm install, for running the app, fetches Electron.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

npm test
