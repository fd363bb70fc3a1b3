#!/usr/bin/env bash
# Data-parallel throughput of `mann train` on MemN2N joint bAbI 1k (3 hops, PE, LS) for 1 and 2 ranks and
# batches 32 and 128: questions per second over the steps after the first report (start-up excluded),
# from metrics.csv's steps_per_s. Needs the bAbI data (MANN_DATA, default /work/shared/data) and mpirun.
# Usage: bash tools/bench_data_parallel.sh [STEPS]   (default 2000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steps=${1:-2000}
export MANN_DATA=${MANN_DATA:-/work/shared/data}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "ranks batch steps/s questions/s"
for batch in 32 128; do
  for ranks in 1 2; do
    run="$out/b$batch-r$ranks"
    mpirun --oversubscribe -np "$ranks" "$root/build/mann" train "$root/experiments/babi/pe_ls_3hop_joint_1k.yaml" \
      --out "$run" --set train.batch="$batch" --set train.steps="$steps" --set train.log_every=$((steps / 10)) \
      --set train.eval_every=0 --set train.checkpoint_every=0 > "$run.log" 2>&1
    awk -F, -v batch="$batch" -v ranks="$ranks" '
      NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "steps_per_s") c = i; next }
      NR > 2 { sum += $c; n++ }
      END { printf "%d %d %.1f %.0f\n", ranks, batch, sum / n, sum / n * batch }' "$run/metrics.csv"
  done
done
