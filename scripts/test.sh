#!/usr/bin/env bash
# The whole suite, in the order that fails fastest: types, lint, format, unit tiers, build, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
export GALLEY_TEST=1
npm run typecheck
npm run lint
npm run format:check
npx vitest run
npx electron-vite build
# Shell security and packaging on the built output (each ~20 s; both wait on nothing but local work and, for
# Electronegativity, two offline network timeouts).
node scripts/electronegativity-gate.mjs
node scripts/package-smoke.mjs
npx playwright test
