#!/bin/bash
# Fails when a common/ or server/ source includes a header of a higher layer (docs/architecture.md, "Layers"):
#
#   common  <-  net, storage  <-  relay  <-  files  <-  admin  <-  top (RelayServer, CLI)
#
# net includes only its own headers (no LanChat library at all); storage includes common and itself; the relay
# core common, net, storage and itself; files additionally the relay; admin additionally files. Headers are
# matched by file name (quoted includes only; <...> are system, Qt and OpenSSL headers). Run by CTest
# (server_layers); usage: check-layers.sh [source-dir]
set -euo pipefail
root=${1:-$(dirname "$0")/..}
cd "$root"

# The layer of a header or source, from its path.
layer_of_path() {
    case "$1" in
    common/*) echo common ;;
    server/net/*) echo net ;;
    server/storage/*) echo storage ;;
    server/files/*) echo files ;;
    server/admin/*) echo admin ;;
    server/relayserver.* | server/servecommand.* | server/servercli.* | server/signalwatcher.* | server/main.cpp)
        echo top ;;
    server/*) echo relay ;;
    *) echo unknown ;;
    esac
}

# What each layer may include.
allowed() {
    case "$1" in
    common) echo " common " ;;
    net) echo " net " ;;
    storage) echo " common storage " ;;
    relay) echo " common net storage relay " ;;
    files) echo " common net storage relay files " ;;
    admin) echo " common net storage relay files admin " ;;
    top) echo " common net storage relay files admin top " ;;
    esac
}

declare -A header_layer
while IFS= read -r header; do
    name=${header##*/}
    if [[ -n ${header_layer[$name]:-} ]]; then
        echo "check-layers: $name exists twice (${header_layer[$name]} and $(layer_of_path "$header")):" \
            "quoted includes are matched by file name" >&2
        exit 2
    fi
    header_layer[$name]=$(layer_of_path "$header")
done < <(find common server -name '*.h' | sort)

failures=0
while IFS= read -r source; do
    layer=$(layer_of_path "$source")
    may=$(allowed "$layer")
    while IFS= read -r included; do
        name=${included##*/}
        target=${header_layer[$name]:-}
        [[ -z $target ]] && continue # generated or outside common/ and server/ (e.g. ui_*.h, moc)
        if [[ $may != *" $target "* ]]; then
            echo "$source ($layer) includes \"$included\" ($target)" >&2
            failures=$((failures + 1))
        fi
    done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$source")
done < <(find common server -name '*.h' -o -name '*.cpp' | sort)

if ((failures > 0)); then
    echo "check-layers: $failures include(s) point up the layers (docs/architecture.md, \"Layers\")" >&2
    exit 1
fi
echo "check-layers: every include of common/ and server/ points down or within its own layer"
