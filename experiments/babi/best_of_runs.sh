#!/bin/bash
# Paper protocol for one Table 1 column: every task trained RUNS times from different seeds, the run with the
# lowest validation error kept, its best checkpoint evaluated on test. Prints one line per task and the
# bAbI summary (mean test error, failed tasks with error > 5%).
# Usage (from the project root):
#   experiments/babi/best_of_runs.sh MANN CONFIG OUT_DIR [RUNS] [TASKS...]
#   experiments/babi/best_of_runs.sh build/mann experiments/babi/pe_ls_rn_3hop_1k.yaml runs/pe_ls_rn 5
# Data: --data-dir from $MANN_DATA. Runs one training at a time.
set -eu
mann=${1:?usage: best_of_runs.sh MANN CONFIG OUT_DIR [RUNS] [TASKS...]}
config=${2:?config}
out=${3:?output directory}
runs=${4:-5}
shift $(( $# < 4 ? $# : 4 ))
tasks=${*:-$(seq 1 20)}
data=${MANN_DATA:-data}
mkdir -p "$out"
summary="$out/summary.txt"
: > "$summary"
for t in $tasks; do
  best_run="" best_valid=""
  for s in $(seq 1 "$runs"); do
    dir="$out/task$t-seed$s"
    if [ ! -f "$dir/checkpoints/last.h5" ]; then
      "$mann" train "$config" --set dataset.task="$t" --set seed="$s" --data-dir "$data" --out "$dir" --force \
        > "$dir.log" 2>&1
    fi
    valid=$(grep -oE 'best valid_error [0-9.e+-]+' "$dir.log" | awk '{print $3}')
    echo "task $t seed $s: best valid error $valid" >&2
    if [ -z "$best_valid" ] || awk -v a="$valid" -v b="$best_valid" 'BEGIN{exit !(a < b)}'; then
      best_valid=$valid best_run=$dir
    fi
  done
  test_error=$("$mann" eval "$best_run" --split test --data-dir "$data" | awk '$1 == "error" {print $2}')
  echo "task $t: test error $test_error (valid $best_valid, $best_run)" | tee -a "$summary"
done
awk '{e = $5; sum += e; n++; if (e > 0.05) failed++}
     END {printf "mean test error %.1f%% over %d tasks, failed tasks (> 5%%): %d\n", 100 * sum / n, n, failed}' \
  "$summary" | tee -a "$summary"
