#!/usr/bin/env bash
# Cost against image size (issue #20): training throughput and multiply-adds per example of RAM (6
# glimpses of 8x8, gaussian locations), grid attention with candidate centres every 7 pixels (G = side/7,
# so G^2 grows with the image: hard reads the one chosen glimpse, soft mixes every candidate's; scored by
# column and row, grid_keys: axes, so scoring stays a small part) and the RAM paper's conv net, on Fashion-MNIST canvases of 28, 60, 100 and 200 pixels, one thread, batch 32.
# Prints a markdown table and writes, under OUT_DIR, one CSV per model (canvas, examples/s,
# multiply-adds) and two charts drawn by `mann curves`: cost_throughput.svg and cost_multiply_adds.svg.
#   bash tools/bench_ram_cost.sh [build/mann] [steps] [OUT_DIR]
set -euo pipefail
mann=${1:-build/mann}; steps=${2:-120}; out=${3:-ram-cost}
mkdir -p "$out"
models=(ram_gaussian grid_hard grid_soft convnet)
for m in "${models[@]}"; do echo "canvas,examples/s,multiply-adds" > "$out/$m.csv"; done

# Runs one bench case, appends "SIZE,EXAMPLES_PER_S,MULTIPLY_ADDS" to its CSV and echoes the two numbers.
measure() {
  local model=$1 size=$2; shift 2
  local text rate macs
  text=$("$mann" bench ram --steps "$steps" --threads 1 --batch 32 --size "$size" "$@" 2>&1)
  rate=$(grep -oE '[0-9]+(\.[0-9]+)? examples/s' <<<"$text" | tail -1 | cut -d' ' -f1)
  macs=$(grep -oE 'multiply-adds per example \(one forward pass\): [0-9]+' <<<"$text" | grep -oE '[0-9]+$')
  echo "$size,$rate,$macs" >> "$out/$model.csv"
  awk -v r="$rate" -v m="$macs" 'BEGIN { printf "%.0f ex/s, %.2f M", r, m / 1e6 }'
}

echo "| canvas | grid G | RAM, gaussian | hard over G x G glimpse centres | soft over G x G | RAM paper's conv net |"
echo "|---|---|---|---|---|---|"
for size in 28 60 100 200; do
  grid=$((size / 7))
  echo "| ${size}x${size} | $grid | $(measure ram_gaussian "$size") |" \
    "$(measure grid_hard "$size" --attention hard --grid "$grid" --grid-keys axes) |" \
    "$(measure grid_soft "$size" --attention soft --grid "$grid" --grid-keys axes) |" \
    "$(measure convnet "$size" --model conv) |"
done
csvs=()
for m in "${models[@]}"; do csvs+=("$out/$m.csv"); done
"$mann" curves "${csvs[@]}" --x canvas --metric examples/s --log-y \
  --title "training throughput against image size (one thread, batch 32)" --out "$out/cost_throughput.svg" >/dev/null
"$mann" curves "${csvs[@]}" --x canvas --metric multiply-adds --log-y \
  --title "multiply-adds per example (one forward pass) against image size" --out "$out/cost_multiply_adds.svg" >/dev/null
echo "charts: $out/cost_throughput.svg $out/cost_multiply_adds.svg"
