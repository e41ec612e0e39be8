#!/usr/bin/env bash
# Starts a LanChat server and a scripted set of clients under Xvfb and saves screenshots of the desktop
# app (login, login without a keychain, main window, transfers panel, settings, screenshot tool, read receipts,
# recall and edit, search, contacts by pinyin, the organisation tab and a profile card;
# English and Chinese;
# light and dark)
# into docs/screenshots/.
# Installs xvfb and imagemagick if missing. Usage: scripts/screenshots.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=docs/screenshots

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v convert >/dev/null || need+=(imagemagick)
fc-list :lang=zh | grep -q . || need+=(fonts-noto-cjk)
fc-list | grep -qi 'color emoji' || need+=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -x "$build/server/lanchat-server" ] || [ ! -x "$build/tests/app/lanchat-screenshots" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build" --target lanchat-server lanchat-screenshots --parallel 2
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A free display number and free ports (ask the kernel for ports, never hard-code them).
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1400x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
mkdir -p "$out"
# Light, then dark (files named *-dark.png), each against a fresh server so both show the same conversation.
for theme in light dark; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    udp=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0",0)); print(s.getsockname()[1])')

    # The scripted clients sign themselves up.
    printf '[server]\nregistration=open\n' >"$work/server.conf"
    "$build/server/lanchat-server" serve --data-dir "$work/server-$theme" --listen 127.0.0.1 --port "$port" \
        --discovery-port "$udp" --config "$work/server.conf" >"$work/server-$theme.log" 2>&1 &
    server=$!
    pids+=($server)
    for _ in $(seq 1 100); do
        grep -q "listening" "$work/server-$theme.log" && break
        sleep 0.1
    done

    # The app's own settings and caches go to a throwaway home, never the user's. No session bus, hence no keychain:
    # the login dialog's "no keychain" state is shot as well, and the user's own keyring is never touched.
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-session-bus" DISPLAY=":$display" QT_QPA_PLATFORM=xcb \
        LANG=en_US.UTF-8 \
        "$build/tests/app/lanchat-screenshots" --port "$port" --discovery-port "$udp" --out "$out" --theme "$theme" \
        --server "$build/server/lanchat-server" --data-dir "$work/server-$theme" --config "$work/server.conf"
    kill "$server"
    wait "$server" 2>/dev/null || true
done
echo "Screenshots written to $out/"
