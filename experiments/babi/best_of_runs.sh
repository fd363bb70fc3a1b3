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
# shellcheck source=run_choice.sh
source "$(dirname "$0")/run_choice.sh"
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
    consider_run "$dir"
    echo "task $t seed $s: final valid error $run_valid (loss $run_loss)" >&2
  done
  test_error=$(test_error "$mann" "$best_run" "$data")
  echo "task $t: test error $test_error (valid $best_valid, $best_run)" | tee -a "$summary"
done
summarise_tasks "$summary"
