#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order a failure is cheapest to read.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '== system packages (Chromium, CJK fonts, libusb, espeak-ng)'
bash scripts/ensure-system-packages.sh
echo '== lint (eslint + prettier)'
npm run --silent lint
echo '== typecheck'
npm run --silent typecheck
echo '== build the apps (the browser tests load them from the server) and bundle the Electron shells'
npm run --silent build
npm run --silent build:electron
echo '== tests (vitest: unit, server, browser)'
npx vitest run
