#!/usr/bin/env bash
# Is the committed build (accountql/web/static/) what these sources build to?
# Installs exactly what package-lock.json pins, builds into a temporary folder, and
# compares the two byte for byte. The build is deterministic (hashed names from the
# content, no time stamps, no absolute paths), so any difference means that the sources,
# the lock file or the committed output changed without the others.
set -euo pipefail
cd "$(dirname "$0")"

committed=../accountql/web/static
fix="cd frontend && npm ci && npm run build, then commit accountql/web/static (and package-lock.json if it changed)"

echo "check-build: npm ci"
npm ci --no-audit --no-fund --loglevel=error

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "check-build: building into $out"
npm run --silent build -- --outDir "$out" --emptyOutDir --logLevel warn

if ! differences="$(diff -rq "$out" "$committed")"; then
  echo "$differences" | sed "s#$out#(fresh build)#; s#$committed#(committed)#" | head -40
  echo "check-build: FAILED: the committed front end in accountql/web/static is not what frontend/ builds to." >&2
  echo "check-build: to fix it: $fix" >&2
  exit 1
fi
echo "check-build: the committed build matches the sources ($(find "$committed" -type f | wc -l) files)"
