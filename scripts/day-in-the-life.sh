#!/usr/bin/env bash
# A working day with LanChat under Xvfb (window manager + tray): a real server and two real desktop apps, one in
# English and one in Chinese, driven with real X input through every step of an employee's day, unhappy paths
# included (server killed, certificate changed, removed from a group, app restarted). Writes one screenshot per
# step. Installs the Debian packages it needs (xvfb openbox trayer xdotool imagemagick x11-utils fonts-noto-cjk).
# Usage: scripts/day-in-the-life.sh [build-dir] [--out DIR] [--keep] [--docs]   (--docs: also docs/screenshots/day-*.png)
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
scripts/deps.sh python3
if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target lanchat lanchat-server --parallel "$(nproc)"
exec python3 scripts/e2e/day_in_the_life.py --build "$build" "$@"
