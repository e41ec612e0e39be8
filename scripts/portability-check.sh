#!/usr/bin/env bash
# Fails when common/, client/ or app/ include a POSIX- or Linux-only header outside a platform block: the
# client side must build on Windows and macOS too (docs/building.md). Such an include is allowed only inside
# `#ifdef Q_OS_UNIX`, `#ifdef Q_OS_LINUX` or an `#if` naming one of them (a block that has a portable
# `#else` path or is Unix-only by nature, like O_NOFOLLOW). The server (server/) is Linux-only and not checked.
# Usage: scripts/portability-check.sh [directory ...]   (default: common client app)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- common client app

status=0
while IFS= read -r -d '' file; do
    awk -v file="$file" '
        # One entry per open #if: 1 when the branch we are in is a Unix/Linux-only branch.
        function guarded(   i) {
            for (i = 1; i <= depth; i++)
                if (guard[i])
                    return 1
            return 0
        }
        /^[ \t]*#[ \t]*if/ {
            depth++
            guard[depth] = ($0 ~ /Q_OS_(UNIX|LINUX)/ && $0 !~ /!/ && $0 !~ /ifndef/)
            next
        }
        /^[ \t]*#[ \t]*(else|elif)/ {
            guard[depth] = ($0 ~ /#[ \t]*elif.*Q_OS_(UNIX|LINUX)/ && $0 !~ /!/)
            next
        }
        /^[ \t]*#[ \t]*endif/ {
            depth--
            next
        }
        /^[ \t]*#[ \t]*include[ \t]*</ {
            header = $0
            sub(/^[^<]*</, "", header)
            sub(/>.*$/, "", header)
            if (header ~ /^(unistd\.h|fcntl\.h|pwd\.h|grp\.h|dirent\.h|poll\.h|signal\.h|csignal|dlfcn\.h|termios\.h|syslog\.h|netdb\.h|ifaddrs\.h|sys\/.*|netinet\/.*|arpa\/.*|linux\/.*)$/ && !guarded()) {
                printf "%s:%d: <%s> is POSIX/Linux-only; use Qt, or put it in an #ifdef Q_OS_UNIX block with a portable #else\n", file, NR, header
                bad = 1
            }
        }
        END { exit bad }
    ' "$file" || status=1
done < <(find "$@" -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)

if [ "$status" -ne 0 ]; then
    echo "portability-check: FAILED (see docs/building.md)" >&2
else
    echo "portability-check: OK ($*)"
fi
exit "$status"
