#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order a failure is cheapest to read.
# The tests so far need only Node; the browser tests of the app issues add
# their system packages (Chromium, CJK fonts) here, installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '== lint (eslint + prettier)'
npm run --silent lint
echo '== typecheck'
npm run --silent typecheck
echo '== tests (vitest)'
npx vitest run
