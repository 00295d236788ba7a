#!/usr/bin/env bash
# Builds the installers with the `policywright` command-line tool inside: Tauri's `externalBin`
# ships it next to the app in every package format (deb and rpm: /usr/bin/policywright, on the
# PATH; AppImage: inside the image; msi: the app's folder; dmg: Policywright.app/Contents/MacOS).
#
# The setting lives in src-tauri/bundle-cli.conf.json, merged in only here, because the app's
# build step (tauri-build) copies external binaries at every `cargo build` and fails when the
# CLI has not been built for release yet. Extra arguments go to `tauri build`
# (e.g. `--bundles deb appimage`).
set -euo pipefail
cd "$(dirname "$0")/.."

triple=$(rustc -vV | sed -n 's/^host: //p')
exe=""
case "$triple" in *windows*) exe=".exe" ;; esac

cargo build --release -p policywright --bin policywright
mkdir -p target/cli
# Tauri looks for `<name>-<target triple>` and installs it as `<name>`.
cp "target/release/policywright$exe" "target/cli/policywright-$triple$exe"

exec ui/node_modules/.bin/tauri build --config src-tauri/bundle-cli.conf.json "$@"
