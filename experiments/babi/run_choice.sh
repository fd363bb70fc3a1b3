#!/bin/bash
# Shared by best_of_runs.sh and choose_by_validation.sh (sourced, not run): how a bAbI run is read and
# compared, so that every table picks its runs by one rule.

# The last validation of a run: "VALID_ERROR VALID_LOSS" from the valid_error and valid_loss columns of
# RUN/metrics.csv.
final_validation() {
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
           $col["valid_error"] != "" {e = $col["valid_error"]; l = $col["valid_loss"]}
           END {print e, l}' "$1/metrics.csv"
}

# Succeeds when a run with validation error $1 and loss $2 beats the best so far ($3, $4; $3 empty: none
# yet): lower error, ties broken by lower loss.
beats_best() {
  [ -z "$3" ] || awk -v a="$1" -v b="$3" -v la="$2" -v lb="$4" 'BEGIN{exit !(a < b || (a == b && la < lb))}'
}

# Reads RUN's final validation into run_valid and run_loss and, when it beats the best so far, makes RUN
# the best: best_run, best_valid, best_loss (start them empty for each task).
consider_run() {
  read -r run_valid run_loss < <(final_validation "$1")
  # shellcheck disable=SC2034  # best_run is the caller's
  if beats_best "$run_valid" "$run_loss" "$best_valid" "$best_loss"; then
    best_valid=$run_valid best_loss=$run_loss best_run=$1
  fi
}

# The test error of RUN's final model (checkpoints/last.h5, as the authors' code tests the model at the end
# of training): test_error MANN RUN DATA_DIR.
test_error() {
  "$1" eval "$2/checkpoints/last.h5" --split test --data-dir "$3" | awk '$1 == "error" {print $2}'
}

# Appends the bAbI summary (mean test error, failed tasks with error > 5%) of the "task T: test error E ..."
# lines in FILE to FILE and prints it.
summarise_tasks() {
  awk '{e = $5; sum += e; n++; if (e > 0.05) failed++}
       END {printf "mean test error %.1f%% over %d tasks, failed tasks (> 5%%): %d\n", 100 * sum / n, n, failed}' \
    "$1" | tee -a "$1"
}
