#!/bin/bash
# One model per task chosen among several sets of runs (variants of a recipe, e.g. best_of_runs.sh output
# directories of d = 20 and d = 100 with 4 hops): for each task, the run with the lowest final validation
# error over every RUN_DIR/taskT-seed* that finished (ties: lower validation loss), its final model on test;
# the rule of best_of_runs.sh, applied across directories, so the variant is chosen by validation as the
# seed is. Prints one line per task and the bAbI summary, and writes them to SUMMARY.
# Usage (from the project root):
#   experiments/babi/choose_by_validation.sh MANN SUMMARY RUN_DIR... [-- TASKS...]
#   experiments/babi/choose_by_validation.sh build/mann runs/chosen.txt runs/pe_ls_rn_10k runs/d100h4
# Data: --data-dir from $MANN_DATA. Trains nothing; a task without a finished run in any directory fails.
set -eu
# shellcheck source=run_choice.sh
source "$(dirname "$0")/run_choice.sh"
mann=${1:?usage: choose_by_validation.sh MANN SUMMARY RUN_DIR... [-- TASKS...]}
summary=${2:?summary file}
shift 2
dirs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do dirs+=("$1"); shift; done
[ $# -gt 0 ] && shift
tasks=${*:-$(seq 1 20)}
[ ${#dirs[@]} -gt 0 ] || { echo "choose_by_validation.sh: no run directories given" >&2; exit 2; }
data=${MANN_DATA:-data}
: > "$summary"
for t in $tasks; do
  best_run="" best_valid="" best_loss=""
  for dir in "${dirs[@]}"; do
    for run in "$dir"/task"$t"-seed*; do
      [ -f "$run/checkpoints/last.h5" ] || continue
      consider_run "$run"
    done
  done
  if [ -z "$best_run" ]; then
    echo "choose_by_validation.sh: task $t has no finished run (checkpoints/last.h5) in ${dirs[*]}" >&2
    exit 1
  fi
  echo "task $t: test error $(test_error "$mann" "$best_run" "$data") (valid $best_valid, $best_run)" |
    tee -a "$summary"
done
summarise_tasks "$summary"
