#!/usr/bin/env bash
# Checkpoint fuzzer (issue #16: bad input never crashes `mann`).
#
# Trains a short run, then makes COUNT damaged copies of its checkpoint from a fixed seed and feeds each to
# `mann inspect`, `mann eval` and `mann train --resume`. Raw damage (truncation, flipped bytes, zeroed or
# copied ranges, appended garbage) is left as it is, so the checksum must catch it; structured damage
# (deleted groups, datasets of another shape or type, NaN parameters, changed attributes) is re-sealed by
# build/mann_checkpoint_mutate, so that it reaches the reader's content checks. A case passes when every
# command exits with a code from 1 to 127 (no signal, no success), within the time limit, and names the file.
# The undamaged checkpoint is case 0 and must be accepted by all three.
#
#   tools/fuzz/fuzz_checkpoints.sh                     # the full campaign: 1000 cases, seed 1
#   tools/fuzz/fuzz_checkpoints.sh --count 30 --seed 7 # the sample the test suite runs
#
# Options: --count N, --seed S, --build DIR (default build/), --jobs J (parallel cases, default 1),
# --timeout SECONDS (per command, default 20), --keep (keep the work directory and print it).
# Prints one line per failure and "N passed, M failed"; exits 1 on any failure, 77 when a tool is missing.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
count=1000 seed=1 build="$root/build" jobs=1 timeout_s=20 keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "fuzz_checkpoints.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in python3 timeout "$build/mann" "$build/mann_checkpoint_mutate"; do
  if ! command -v "$tool" > /dev/null; then
    echo "fuzz_checkpoints.sh: skipped: $tool is missing" >&2
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/mann-fuzz-XXXXXX")
if [[ $keep == 1 ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi

# A short run with a best metric the history records, so changed best metrics are detectable.
if ! "$build/mann" train "$root/experiments/toy/retrieval_soft.yaml" --set train.steps=20 \
  --set train.log_every=10 --set train.eval_every=10 --set eval.batches=1 --out "$work/run" \
  > "$work/train.log" 2>&1; then
  echo "fuzz_checkpoints.sh: the training run that makes the checkpoint failed:" >&2
  cat "$work/train.log" >&2
  exit 1
fi

MANN="$build/mann" MUTATE="$build/mann_checkpoint_mutate" WORK="$work" COUNT=$count SEED=$seed \
  JOBS=$jobs TIMEOUT=$timeout_s python3 - << 'PY'
import concurrent.futures, os, random, subprocess, sys

mann, mutate, work = os.environ["MANN"], os.environ["MUTATE"], os.environ["WORK"]
count, seed, jobs, limit = (int(os.environ[k]) for k in ("COUNT", "SEED", "JOBS", "TIMEOUT"))
base = os.path.join(work, "run", "checkpoints", "last.h5")
original = open(base, "rb").read()

def listing(group):
    out = subprocess.run([mutate, base, "list", group], capture_output=True, text=True, check=True).stdout
    return out.split()

params, slots, metrics = listing("/params"), listing("/optimizer/slots"), listing("/metrics")
progress_step = 20

def changed(data):
    # A raw mutation must change the file, or the "must be refused" rule would not hold.
    return data if data != original else None

def raw(rng):
    kind = rng.choice(["truncate", "flip", "zero", "append", "copy"])
    data = bytearray(original)
    if kind == "truncate":
        cut = rng.randrange(0, len(data))
        return f"truncate at {cut}", bytes(data[:cut])
    if kind == "flip":
        spots = [rng.randrange(len(data)) for _ in range(rng.randint(1, 4))]
        for at in spots:
            data[at] ^= rng.randint(1, 255)
        return f"flip bytes {spots}", changed(bytes(data))
    if kind == "zero":
        start = rng.randrange(len(data))
        end = min(len(data), start + rng.randint(1, 512))
        data[start:end] = bytes(end - start)
        return f"zero {start}-{end}", changed(bytes(data))
    if kind == "append":
        n = rng.randint(1, 4096)
        return f"append {n} bytes", bytes(data) + bytes(rng.getrandbits(8) for _ in range(n))
    n = rng.randint(1, 256)
    src, dst = rng.randrange(len(data) - n), rng.randrange(len(data) - n)
    data[dst:dst + n] = original[src:src + n]
    return f"copy {n} bytes {src}->{dst}", changed(bytes(data))

def structured(rng):
    choices = [
        # (Not /optimizer/slots as a whole: a checkpoint without optimizer state still inspects and
        # evaluates; only --resume needs it, and refuses it.)
        lambda: ["delete", rng.choice(["/params", "/optimizer", "/progress", "/metrics", "/rng", "/config"]
                                      + params + metrics + slots)],
        lambda: ["reshape", rng.choice(params + slots)],
        lambda: ["retype", rng.choice(params + slots)],
        lambda: ["nan", rng.choice(params + slots)],
        lambda: ["set-int", "/", "format_version", str(rng.choice([0, 2, 99, -1]))],
        lambda: ["set-string", "/", "format", rng.choice(["", "other-checkpoint", "mann"])],
        lambda: ["set-int", "/progress", rng.choice(["step", "epoch", "examples_seen"]),
                 str(-rng.randint(1, 10**6))],
        lambda: ["set-int", "/progress", "best_step", str(rng.choice([-7, progress_step + rng.randint(1, 99)]))],
        lambda: ["set-double", "/progress", "best_metric",
                 rng.choice(["nan", "-inf", "inf", "-1e300", "12345.5", "-0.25"])],
        lambda: ["set-string", "/progress", rng.choice(["step", "best_step", "best_metric"]), "garbage"],
        lambda: ["set-double", "/progress", rng.choice(["step", "epoch"]), "1.5"],
        lambda: ["set-int", "/optimizer", "step", str(-rng.randint(1, 1000))],
        lambda: ["set-double", "/optimizer", "learning_rate", rng.choice(["nan", "inf", "-inf"])],
    ]
    return rng.choice(choices)()

def make_case(i):
    rng = random.Random(seed * 1000003 + i)
    path = os.path.join(work, f"case{i:05d}.h5")
    if i == 0:
        open(path, "wb").write(original)
        return path, "undamaged", True
    while True:
        if rng.random() < 0.5:
            what, data = raw(rng)
            if data is None:
                continue
            open(path, "wb").write(data)
            return path, what, False
        args = structured(rng)
        open(path, "wb").write(original)
        edit = subprocess.run([mutate, path] + args, capture_output=True, text=True)
        if edit.returncode != 0:
            return path, " ".join(args) + " (mutation tool failed: " + edit.stderr.strip() + ")", None
        return path, " ".join(args) + " (re-sealed)", False

def run_case(i):
    path, what, valid = make_case(i)
    if valid is None:
        return False, [f"case {i}: {what}"]
    problems = []
    out_dir = os.path.join(work, f"resume{i:05d}")
    commands = {
        "inspect": [mann, "inspect", path],
        "eval": [mann, "eval", path, "--set", "eval.batches=1"],
        "train --resume": [mann, "train", "--resume", path, "--out", out_dir],
    }
    for name, command in commands.items():
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=limit, errors="replace")
        except subprocess.TimeoutExpired:
            problems.append(f"case {i} ({what}): mann {name} hung (> {limit} s)")
            continue
        code, output = done.returncode, done.stdout + done.stderr
        last = output.strip().splitlines()[-1] if output.strip() else ""
        if code < 0 or code >= 128:
            problems.append(f"case {i} ({what}): mann {name} died (exit {code}): {last}")
        elif valid and code != 0:
            problems.append(f"case {i} ({what}): mann {name} refused the undamaged checkpoint: {last}")
        elif not valid and code == 0:
            problems.append(f"case {i} ({what}): mann {name} accepted it")
        elif not valid and path not in output:
            problems.append(f"case {i} ({what}): mann {name} does not name the file: {last}")
    if not problems:
        os.remove(path)
        subprocess.run(["rm", "-rf", out_dir])
    return not problems, problems

passed = failed = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    for ok, problems in pool.map(run_case, range(count + 1)):
        passed += ok
        failed += not ok
        for p in problems:
            print(p, flush=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
