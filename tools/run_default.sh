#!/usr/bin/env bash
# The main job of the README: install, build, train the default experiment (no downloaded data needed),
# then evaluate and inspect its checkpoint.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh"
mann="${BUILD_DIR:-$root/build}/mann"
out="${1:-$root/runs/default}"
"$mann" train "$root/experiments/default.yaml" --out "$out"
"$mann" eval "$out/checkpoints/best.h5"
"$mann" inspect "$out/checkpoints/best.h5"
