#!/usr/bin/env bash
# Checks that a server-only build (-DLANCHAT_BUILD_APP=OFF) needs neither Qt Widgets nor Qt Gui nor OpenGL:
# it configures a tree in which CMake is forbidden to find them (a find_package asking for one fails the
# configure) and checks that no compile or link line names them. With --build it also builds lanchat-server
# there. Usage: scripts/server-only-check.sh [--build] [build-dir]   (default: build-server-only)
set -euo pipefail
cd "$(dirname "$0")/.."
build_too=0
if [ "${1:-}" = "--build" ]; then
    build_too=1
    shift
fi
build=${1:-build-server-only}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANCHAT_BUILD_APP=OFF -DLANCHAT_WERROR=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Gui=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6OpenGL=ON -DCMAKE_DISABLE_FIND_PACKAGE_OpenGL=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_WrapOpenGL=ON --no-warn-unused-cli ${LANCHAT_CMAKE_ARGS:-} >/dev/null
if grep -E -n 'QtGui|QtWidgets|QtOpenGL|libGL|/GL/' "$build/build.ninja" "$build/compile_commands.json" | head -5 |
    grep .; then
    echo "server-only-check: FAILED: the server-only build still uses Qt Gui, Widgets or OpenGL" >&2
    exit 1
fi
if [ "$build_too" -eq 1 ]; then
    cmake --build "$build" --parallel "$(nproc)" --target lanchat-server
    if ldd "$build/server/lanchat-server" | grep -E 'libQt6(Gui|Widgets|OpenGL)|libGL|libEGL'; then
        echo "server-only-check: FAILED: lanchat-server links Qt Gui, Widgets or OpenGL" >&2
        exit 1
    fi
fi
echo "server-only-check: OK"
