#!/usr/bin/env bash
# Screenshots of the staff account pages (users, edit, confirmations, one-time password,
# change password) over the demo network at phone and desktop widths, through
# tests/browser/accounts.mjs. Usage: scripts/account-screenshots.sh [OUT_DIR]
# (default target/account-screenshots). Needs `npm ci` in tests/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/account-screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --quiet
hearth=target/debug/hearth
export HEARTH_DATABASE_URL="sqlite:$work/demo.db" HEARTH_BASE_URL="http://127.0.0.1:8767"
accounts=$($hearth demo --no-serve)
pw() { echo "$accounts" | awk -v role="$1" '$1 == role { print $3 }'; }
$hearth serve --bind 127.0.0.1:8767 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8767/healthz >/dev/null && break; sleep 0.2; done
node tests/browser/accounts.mjs http://127.0.0.1:8767 "$out" admin@demo.hearth "$(pw admin)" manager@demo.hearth
echo "screenshots in $out"
