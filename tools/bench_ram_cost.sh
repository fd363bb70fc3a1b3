#!/usr/bin/env bash
# Cost against image size (issue #20): training throughput of RAM (6 glimpses of 8x8, gaussian locations),
# grid attention that reads every candidate glimpse (soft, 4x4 grid) and the RAM paper's conv net, on
# Fashion-MNIST canvases of 28, 60, 100 and 200 pixels, one thread, batch 32. Prints a markdown table.
#   bash tools/bench_ram_cost.sh [build/mann] [steps]
set -euo pipefail
mann=${1:-build/mann}; steps=${2:-120}
figure() { "$mann" bench ram --steps "$steps" --threads 1 --batch 32 "$@" 2>&1 | grep -oE '[0-9]+(\.[0-9]+)? examples/s' | tail -1; }
echo "| canvas | RAM, gaussian (examples/s) | soft grid, 16 glimpses | conv net |"
echo "|---|---|---|---|"
for size in 28 60 100 200; do
  echo "| ${size}x${size} | $(figure --size "$size") | $(figure --size "$size" --attention soft --grid 4) | $(figure --size "$size" --model conv) |"
done
