#!/usr/bin/env bash
# Screenshots of the participant pages at phone and desktop widths, in headless Chromium
# (Debian's `chromium`). Usage: scripts/screenshots.sh [OUT_DIR]  (default target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --quiet
hearth=target/debug/hearth
export HEARTH_DATABASE_URL="sqlite:$work/hearth.db" HEARTH_BASE_URL="http://127.0.0.1:8765"
code=$($hearth session open --program "Peer Bridges" --circle "Tuesday Evening" | awk 'NR==1 {print $2}')
ticket_link=$($hearth session open --program "Peer Bridges" --circle "Thursday Circle" --tickets 1 | grep '?ticket=')
$hearth serve --bind 127.0.0.1:8765 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8765/healthz >/dev/null && break; sleep 0.2; done

shot() { # name url width height
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --virtual-time-budget=3000 \
    --window-size="$3,$4" --screenshot="$out/$1.png" "$2" 2>/dev/null
}

# A refused submission (out-of-range value): a local page posts the form on load.
cat >"$work/post.html" <<HTML
<form method="post" action="http://127.0.0.1:8765/s/$code?lang=es">
<input name="belong" value="9"><input name="welcome" value="4"><input name="helped" value="stories">
</form><script>document.forms[0].submit()</script>
HTML

for size in "small 320 900" "phone 390 2200" "desktop 1280 1500"; do
  set -- $size
  shot "home-$1" "http://127.0.0.1:8765/" "$2" 844
  shot "form-$1" "http://127.0.0.1:8765/s/$code" "$2" "$3"
  shot "form-es-refused-$1" "file://$work/post.html" "$2" "$3"
  shot "form-ticket-$1" "$ticket_link" "$2" 900
  shot "thanks-$1" "http://127.0.0.1:8765/s/$code/thanks" "$2" 1000
  shot "privacy-$1" "http://127.0.0.1:8765/privacy" "$2" 1100
  shot "not-found-$1" "http://127.0.0.1:8765/s/ZZZZ-ZZ" "$2" 700
done
echo "screenshots in $out"
