#!/usr/bin/env bash
# Installs missing packages, then configures and builds mann into build/ (Release unless BUILD_TYPE says).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/install_deps.sh"
build_dir=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" > /dev/null
cmake --build "$build_dir" -j "$(nproc)"
