#!/usr/bin/env bash
# Takes question-light.png and question-dark.png (beside this script) of a running site's question page, in headless
# Chromium at 1280x900: once with a light system setting, once with a dark one.
#
#   docs/screenshots/take.sh [question-address]     (default: http://localhost:8080/questions/1)
#
# CHROMIUM names the browser (default: chromium). Pick a question with a code block, such as one asked with
# ```java ... ``` in its text.
set -euo pipefail
url="${1:-http://localhost:8080/questions/1}"
dir="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-chromium}"

shot() { # file, then Chromium's colour-scheme flags
  local file="$1"
  shift
  local profile
  profile="$(mktemp -d)"
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size=1280,900 "$@" --screenshot="$dir/$file" "$url" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$dir/$file"
}

shot question-light.png --blink-settings=preferredColorScheme=1
shot question-dark.png --force-dark-mode --blink-settings=preferredColorScheme=0
