#!/usr/bin/env bash
# Builds the Debian packages (prefix /usr), installs them on this machine, checks what they installed,
# starts the installed server as the `lanchat` user on a free port and the installed client offscreen, then
# purges both and checks that the user and its data are gone. Needs root (or sudo). Safe to run again: a
# previous run's packages are purged first. The build type is RelWithDebInfo (-O2 -g, as Debian's own
# dpkg-buildflags; CPack strips the binaries), so that CI packages the tree scripts/test.sh already built
# instead of compiling everything once more; LANCHAT_PACKAGE_BUILD_TYPE=Release changes it.
# Usage: scripts/package-check.sh [build-dir]   (default: build-pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-pkg}
scripts/deps.sh dpkg-dev librsvg2-bin adduser python3 python3-seccomp
root=()
[ "$(id -u)" -eq 0 ] || root=(sudo)

fail() {
    echo "package-check: FAILED: $*" >&2
    exit 1
}

echo "-- build and package"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${LANCHAT_PACKAGE_BUILD_TYPE:-RelWithDebInfo}" -DCMAKE_INSTALL_PREFIX=/usr -DLANCHAT_WERROR=ON \
    ${LANCHAT_CMAKE_ARGS:-}
cmake --build "$build" --parallel "$(nproc)" --target lanchat-dist lanchat-server-dist
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB)
server_deb=$(echo "$build"/packages/lanchat-server_*.deb)
client_deb=$(echo "$build"/packages/lanchat_*.deb)
for deb in "$server_deb" "$client_deb"; do
    [ -f "$deb" ] || fail "no package $deb"
    echo "== $(basename "$deb")"
    dpkg-deb --field "$deb" Package Version Depends Recommends
    dpkg-deb --contents "$deb" | awk '$6 !~ /\/$/ { print "   " $1, $3, $6 }'
done
# "Stay logged in" keeps its token in the system keychain through QtKeychain: dpkg-shlibdeps must have found it.
dpkg-deb --field "$client_deb" Depends | grep -q 'libqt6keychain1' || fail "lanchat does not depend on libqt6keychain1"

echo "-- install"
"${root[@]}" dpkg --purge lanchat lanchat-server >/dev/null 2>&1 || true
if ! "${root[@]}" dpkg -i "$server_deb" "$client_deb"; then
    DEBIAN_FRONTEND=noninteractive "${root[@]}" apt-get -f install -y -qq --no-install-recommends
fi
for pkg in lanchat lanchat-server; do
    dpkg-query -W -f='${Status}\n' "$pkg" | grep -q "install ok installed" || fail "$pkg is not installed"
done

expect_files() {
    local pkg=$1
    shift
    local listed
    listed=$(dpkg -L "$pkg")
    for file in "$@"; do
        grep -qx "$file" <<<"$listed" || fail "dpkg -L $pkg does not list $file"
        [ -e "$file" ] || fail "$file is listed but missing"
    done
}
expect_files lanchat-server /usr/bin/lanchat-server /lib/systemd/system/lanchat-server.service \
    /etc/lanchat/lanchat-server.conf /usr/share/man/man1/lanchat-server.1.gz \
    /usr/share/doc/lanchat-server/admin.md /usr/share/doc/lanchat-server/protocol.md
expect_files lanchat /usr/bin/lanchat /usr/share/applications/lanchat.desktop /usr/share/man/man1/lanchat.1.gz \
    /usr/share/icons/hicolor/scalable/apps/lanchat.svg /usr/share/icons/hicolor/16x16/apps/lanchat.png \
    /usr/share/icons/hicolor/48x48/apps/lanchat.png /usr/share/icons/hicolor/256x256/apps/lanchat.png \
    /usr/share/doc/lanchat/user.md
dpkg-query -W -f='${Conffiles}\n' lanchat-server | grep -q "/etc/lanchat/lanchat-server.conf" ||
    fail "/etc/lanchat/lanchat-server.conf is not a conffile"

echo "-- maintainer scripts: user, data directory, service enabled"
getent passwd lanchat | grep -q ":/var/lib/lanchat:" || fail "no system user lanchat with home /var/lib/lanchat"
getent group lanchat >/dev/null || fail "no group lanchat"
[ "$(stat -c '%U:%G %a' /var/lib/lanchat)" = "lanchat:lanchat 700" ] ||
    fail "/var/lib/lanchat is $(stat -c '%U:%G %a' /var/lib/lanchat), expected lanchat:lanchat 700"
[ -L /etc/systemd/system/multi-user.target.wants/lanchat-server.service ] || fail "the service is not enabled"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --man=no /lib/systemd/system/lanchat-server.service
    systemd-analyze security --offline=yes /lib/systemd/system/lanchat-server.service | tail -n 1
fi

if [ -d /run/systemd/system ]; then
    echo "-- systemd runs here: the packaged service itself answers on port 7411"
    answered=
    for _ in $(seq 100); do
        if python3 scripts/lanchat-hello.py 127.0.0.1 7411 2>/dev/null; then
            answered=1
            break
        fi
        sleep 0.2
    done
    systemctl --no-pager status lanchat-server || true
    [ -n "$answered" ] || fail "the packaged service does not answer on port 7411"
else
    echo "-- systemd is not PID 1 here: the service is enabled but was not started; next, its sandbox without systemd"
fi

echo "-- the installed server answers hello, as the lanchat user under the unit's sandbox, on a free port"
work=$(mktemp -d)
server_pid=
cleanup() {
    [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
chmod 0755 "$work"
"${root[@]}" install -d -o lanchat -g lanchat -m 0700 "$work/data"
sed "s|^data_dir=.*|data_dir=$work/data|" /etc/lanchat/lanchat-server.conf >"$work/lanchat-server.conf"
chmod 0644 "$work/lanchat-server.conf"
# As the user lanchat under the unit's system-call filter, umask and no-new-privileges (scripts/unit-sandbox.py):
# no systemd needed, so this also runs where systemd is not PID 1.
as_lanchat=("${root[@]}" /usr/bin/python3 scripts/unit-sandbox.py /lib/systemd/system/lanchat-server.service lanchat)
"${as_lanchat[@]}" /usr/bin/lanchat-server serve --config "$work/lanchat-server.conf" --port 0 --no-discovery \
    >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do
    grep -q "listening on" "$work/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
cat "$work/server.log"
port=$(sed -n 's/.*listening on .* port \([0-9]*\) .*/\1/p' "$work/server.log")
[ -n "$port" ] || fail "the installed server did not start"
welcome=$(python3 scripts/lanchat-hello.py 127.0.0.1 "$port") || fail "no welcome: $welcome"
echo "welcome: $welcome"
grep -q '"registration": "off"' <<<"$welcome" || fail "sign-up is not off by default"
printf '%s\n' 'package-check-password' |
    "${as_lanchat[@]}" /usr/bin/env LANG=C /usr/bin/lanchat-server user add alice --password-stdin \
        --config "$work/lanchat-server.conf"
"${as_lanchat[@]}" /usr/bin/env LANG=C /usr/bin/lanchat-server stats --config "$work/lanchat-server.conf"
[ "$(stat -c %U "$work/data/lanchat.db")" = lanchat ] || fail "the database is not owned by lanchat"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not exit 0 on SIGTERM"
server_pid=

echo "-- the installed client starts offscreen"
version=$(QT_QPA_PLATFORM=offscreen /usr/bin/lanchat --version)
echo "$version"
grep -q "$(sed -n 's/^project(LanChat VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" <<<"$version" ||
    fail "lanchat --version printed '$version'"

echo "-- remove keeps the data, the configuration and the user; purge deletes them"
"${as_lanchat[@]}" /usr/bin/env LANG=C /usr/bin/lanchat-server user list --config /etc/lanchat/lanchat-server.conf
[ -f /var/lib/lanchat/lanchat.db ] || fail "the admin commands did not use /var/lib/lanchat"
"${root[@]}" dpkg --remove lanchat lanchat-server
[ -f /var/lib/lanchat/lanchat.db ] && [ -f /etc/lanchat/lanchat-server.conf ] && getent passwd lanchat >/dev/null ||
    fail "dpkg --remove deleted data, configuration or user"
"${root[@]}" dpkg --purge lanchat lanchat-server
! getent passwd lanchat >/dev/null || fail "the user lanchat is still there after purge"
! getent group lanchat >/dev/null || fail "the group lanchat is still there after purge"
[ ! -e /var/lib/lanchat ] || fail "/var/lib/lanchat is still there after purge"
[ ! -e /etc/lanchat ] || fail "/etc/lanchat is still there after purge"
[ ! -e /usr/bin/lanchat-server ] && [ ! -e /usr/bin/lanchat ] || fail "the programs are still there after purge"
[ ! -e /etc/systemd/system/multi-user.target.wants/lanchat-server.service ] ||
    fail "the service is still enabled after purge"
echo "package-check: OK"
