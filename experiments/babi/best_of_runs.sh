#!/bin/bash
# Paper protocol for one Table 1 column: every task trained RUNS times from different seeds; the run whose
# final model has the lowest validation error is kept (ties: lower validation loss) and its final model
# (checkpoints/last.h5, as the authors' code tests the model at the end of training) is evaluated on test.
# Prints one line per task and the bAbI summary (mean test error, failed tasks with error > 5%).
# SEED_OFFSET=K trains seeds K+1..K+RUNS instead of 1..RUNS (an independent replicate of the table).
# MANN_ARGS="--set model.dim=100 ..." adds options to every training (a variant without a new file).
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
  best_run="" best_valid="" best_loss=""
  for s in $(seq $((1 + ${SEED_OFFSET:-0})) $((runs + ${SEED_OFFSET:-0}))); do
    dir="$out/task$t-seed$s"
    if [ ! -f "$dir/checkpoints/last.h5" ]; then
      # shellcheck disable=SC2086  # MANN_ARGS is a list of words
      "$mann" train "$config" --set dataset.task="$t" --set seed="$s" ${MANN_ARGS:-} --data-dir "$data" \
        --out "$dir" --force > "$dir.log" 2>&1
    fi
    # The last validation of the run: its valid_error and valid_loss columns in metrics.csv.
    read -r valid loss < <(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
                                    $col["valid_error"] != "" {e = $col["valid_error"]; l = $col["valid_loss"]}
                                    END {print e, l}' "$dir/metrics.csv")
    echo "task $t seed $s: final valid error $valid (loss $loss)" >&2
    if [ -z "$best_valid" ] || awk -v a="$valid" -v b="$best_valid" -v la="$loss" -v lb="$best_loss" \
      'BEGIN{exit !(a < b || (a == b && la < lb))}'; then
      best_valid=$valid best_loss=$loss best_run=$dir
    fi
  done
  test_error=$("$mann" eval "$best_run/checkpoints/last.h5" --split test --data-dir "$data" |
    awk '$1 == "error" {print $2}')
  echo "task $t: test error $test_error (valid $best_valid, $best_run)" | tee -a "$summary"
done
awk '{e = $5; sum += e; n++; if (e > 0.05) failed++}
     END {printf "mean test error %.1f%% over %d tasks, failed tasks (> 5%%): %d\n", 100 * sum / n, n, failed}' \
  "$summary" | tee -a "$summary"
