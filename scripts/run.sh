#!/usr/bin/env bash
# Builds LanChat, starts a relay server (embedded SQLite in ./data/server) and opens the desktop client.
# Installs missing Debian packages first. Stop with Ctrl+C or by closing the client window.
# Usage: scripts/run.sh [extra lanchat-server options]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh fonts-noto-cjk
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
mkdir -p data/server
./build/server/lanchat-server serve --data-dir data/server "$@" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
./build/app/lanchat
