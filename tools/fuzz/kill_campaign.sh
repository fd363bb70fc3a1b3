#!/usr/bin/env bash
# kill -9 campaign (issue #16: nothing is lost). KILLS times: start (or resume) a training run that saves a
# checkpoint every step, kill -9 it at a random moment, then check that last.h5 and best.h5 load
# (`mann inspect`), that the step never goes back, and that the next --resume continues. Finally a resume
# runs to the end and must leave no temporaries behind.
#
#   tools/fuzz/kill_campaign.sh                      # 100 kills, seed 1
#   tools/fuzz/kill_campaign.sh --kills 3 --seed 5   # the sample the test suite runs
#
# Options: --kills N, --seed S, --build DIR (default build/), --max-wait SECONDS (longest run before the
# kill, default 1.5), --keep. Prints one line per failure and "N passed, M failed"; exit 1 on a failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
kills=100 seed=1 build="$root/build" max_wait=1.5 keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --kills) kills=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --max-wait) max_wait=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "kill_campaign.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mann="$build/mann"
if [[ ! -x $mann ]]; then
  echo "kill_campaign.sh: skipped: $mann is missing" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/mann-kill-XXXXXX")
if [[ $keep == 1 ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi
run="$work/run"
RANDOM=$seed

# The step a checkpoint records ("progress:     step N, ..."), or "" when it does not load.
checkpoint_step() {
  "$mann" inspect "$1" 2> "$work/inspect.err" | awk '/^progress:/ { sub(",", "", $3); print $3 }'
}

passed=0 failed=0 before_first_save=0 last_step=0
fail() {
  echo "kill $1: $2"
  failed=$((failed + 1))
}
for ((i = 1; i <= kills; i++)); do
  if [[ -f $run/checkpoints/last.h5 ]]; then
    start=(train --resume "$run")
  else
    start=(train "$root/experiments/toy/retrieval_soft.yaml" --out "$run" --set train.steps=1000000
      --set train.checkpoint_every=1 --set train.eval_every=20 --set eval.batches=1)
  fi
  "$mann" "${start[@]}" > "$work/train.log" 2>&1 &
  pid=$!
  # A random moment between 0 and max_wait seconds: during start-up, a step or a save.
  sleep "$(awk -v r=$RANDOM -v m="$max_wait" 'BEGIN { printf "%.3f", m * r / 32767 }')"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  if [[ ! -f $run/checkpoints/last.h5 ]]; then
    before_first_save=$((before_first_save + 1))
    passed=$((passed + 1))
    continue
  fi
  ok=1
  step=$(checkpoint_step "$run/checkpoints/last.h5")
  if [[ -z $step ]]; then
    fail "$i" "last.h5 does not load: $(tail -1 "$work/inspect.err")"
    ok=0
  elif ((step < last_step)); then
    fail "$i" "last.h5 went back from step $last_step to $step"
    ok=0
  else
    last_step=$step
  fi
  if [[ -f $run/checkpoints/best.h5 && -z $(checkpoint_step "$run/checkpoints/best.h5") ]]; then
    fail "$i" "best.h5 does not load: $(tail -1 "$work/inspect.err")"
    ok=0
  fi
  passed=$((passed + ok))
done

# The run goes on from where the last kill left it, to a nearby end, and cleans up after the killed ones.
if [[ -f $run/checkpoints/last.h5 ]]; then
  target=$((last_step + 3))
  if ! "$mann" train --resume "$run" --set train.steps=$target > "$work/train.log" 2>&1; then
    fail final "--resume after the last kill failed: $(tail -1 "$work/train.log")"
  elif [[ $(checkpoint_step "$run/checkpoints/last.h5") != "$target" ]]; then
    fail final "--resume did not continue to step $target"
  elif compgen -G "$run/checkpoints/*.tmp-*" > /dev/null || compgen -G "$run/*.tmp-*" > /dev/null; then
    fail final "temporaries of killed runs are left: $(ls "$run/checkpoints" "$run" | grep tmp- | head -3)"
  fi
fi
echo "kills: $kills ($before_first_save before the first checkpoint), last step $last_step"
echo "$passed passed, $failed failed"
((failed == 0))
