#!/usr/bin/env bash
# Installs missing packages, then configures and builds mann into build/ (Release unless BUILD_TYPE says).
# MANN_ARCH=x86-64-v3 (or x86-64-v2, x86-64) builds for other CPUs than this one; see the README.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/install_deps.sh"
build_dir=${BUILD_DIR:-$root/build}
arch=()
[ -n "${MANN_ARCH+set}" ] && arch=(-DMANN_ARCH="$MANN_ARCH")
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "${arch[@]}" > /dev/null
cmake --build "$build_dir" -j "$(nproc)"
