#!/usr/bin/env bash
# Builds LanChat, starts a relay server (embedded SQLite in ./data/server) and opens the desktop client.
# Installs missing Debian packages first. Stop with Ctrl+C or by closing the client window.
# Usage: scripts/run.sh [extra lanchat-server options]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh fonts-noto-cjk fonts-noto-color-emoji
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
mkdir -p data/server
# A real server keeps sign-up off (the admin creates accounts); this local trial server opens it so the first
# user can sign up from the login dialog. Extra options (e.g. --config FILE) come after and take precedence.
printf '[server]\nregistration=open\n' >data/run.conf
echo "run.sh: sign-up is OPEN on this local server (data/run.conf): anyone who reaches port 7411 can create an" \
    "account. Sign up in the login dialog. For a real deployment see docs/admin.md (sign-up is off by default)."
./build/server/lanchat-server serve --data-dir data/server --config data/run.conf "$@" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
./build/app/lanchat
