#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build and test Policywright:
# the WebKitGTK/GTK libraries Tauri links against, the tools the tests use, and the UI's npm
# packages (then builds the UI, which the app embeds at compile time).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev build-essential pkg-config libssl-dev xvfb xauth webkit2gtk-driver poppler-utils qpdf
  imagemagick dbus-daemon)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it from rustup first" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are missing: install them first" >&2; exit 1; }
# The WebDriver bridge the end-to-end tests drive the app through.
command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --quiet

# `npm ci` installs exactly what the lock file says and never rewrites it, so set-up leaves the
# clone clean. The lock file records every platform's optional packages (the Tauri CLI's and
# Rollup's native builds): regenerate it with npm 9 or later (`rm -rf node_modules
# package-lock.json && npm install`) after changing package.json.
(cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
