#!/usr/bin/env python3
"""Feeds `mann train FILE --dry-run` mutated experiment files and checks that bad input never crashes it.

Every file is one of the shipped experiments/*.yaml with one to three mutations: deleted, duplicated or
swapped lines, broken indentation, random bytes, NUL bytes, truncation, huge/negative/NaN/inf numbers,
values of the wrong type, deep nesting, long strings, recursive aliases and alias bombs, second documents,
unknown tags, and `base:` loops or bases that are missing, a directory or /dev/zero.

A file passes when mann ends by itself within the timeout (no hang), is not killed by a signal (exit code
below 128), and, if it refuses the file (nonzero exit), says which file: its message names a file of the
experiment (the mutated file or one of its bases). The same seed gives the same files.

    python3 tools/fuzz/fuzz_configs.py                      # 1000 files, seed 1, build/mann
    python3 tools/fuzz/fuzz_configs.py --count 40 --seed 7  # a quick sample
    python3 tools/fuzz/fuzz_configs.py --keep /tmp/fails    # keep the failing files for a look

Prints `N passed, M failed` and exits 1 when any file failed. Python 3 standard library only.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

HOSTILE_NUMBERS = ["1e400", "-1e400", "99999999999999999999", "2147483648", "-2147483649", "-1", "0",
                   "-0.0", "1e-320", ".nan", ".NaN", ".inf", "-.inf", "+.inf", "0x7fffffff", "1_000",
                   "200000", "3.5", "-3"]
WRONG_TYPES = ["[1, 2]", "{a: 1}", "text", "true", "~", "null", "''", "\"\"", "[]", "{}", "!foo 3", "&a 1",
               "*nowhere", "'unterminated", "[1, {b: [2]}]", "- 1", "|\n  block", "? complex"]
VALUE_LINE = re.compile(rb"^(\s*-?\s*[A-Za-z_][A-Za-z_0-9]*:[ \t]*)(\S.*)$")


def random_line_index(rng, lines):
    return rng.randrange(len(lines)) if lines else 0


def delete_line(rng, lines, ctx):
    if lines:
        del lines[random_line_index(rng, lines)]
    return lines


def duplicate_line(rng, lines, ctx):
    if lines:
        i = random_line_index(rng, lines)
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return lines


def swap_lines(rng, lines, ctx):
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return lines


def break_indentation(rng, lines, ctx):
    if lines:
        i = random_line_index(rng, lines)
        if lines[i].startswith(b" ") and rng.random() < 0.5:
            lines[i] = lines[i][rng.randint(1, len(lines[i]) - len(lines[i].lstrip())):]
        else:
            lines[i] = b" " * rng.choice([1, 2, 3, 5, 8]) + lines[i]
    return lines


def random_bytes(rng, lines, ctx):
    text = b"\n".join(lines)
    at = rng.randrange(len(text) + 1)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return (text[:at] + junk + text[at:]).split(b"\n")


def nul_byte(rng, lines, ctx):
    text = b"\n".join(lines)
    at = rng.randrange(len(text) + 1)
    return (text[:at] + b"\0" + text[at:]).split(b"\n")


def truncate(rng, lines, ctx):
    text = b"\n".join(lines)
    return text[:rng.randrange(len(text) + 1)].split(b"\n")


def replace_value(rng, lines, new_value):
    candidates = [i for i, line in enumerate(lines) if VALUE_LINE.match(line)]
    if not candidates:
        return lines + [b"seed: " + new_value]
    i = rng.choice(candidates)
    lines[i] = VALUE_LINE.match(lines[i]).group(1) + new_value
    return lines


def hostile_number(rng, lines, ctx):
    return replace_value(rng, lines, rng.choice(HOSTILE_NUMBERS).encode())


def wrong_type(rng, lines, ctx):
    return replace_value(rng, lines, rng.choice(WRONG_TYPES).encode())


def deep_nesting(rng, lines, ctx):
    depth = rng.choice([65, 1000, 100000])
    if rng.random() < 0.5:
        value = b"[" * depth + b"]" * depth
    else:
        value = b"{a: " * depth + b"1" + b"}" * depth
    return replace_value(rng, lines, value)


def deep_block_nesting(rng, lines, ctx):
    depth = rng.choice([65, 2000])
    return lines + [b"deep:"] + [b"  " * (k + 1) + b"k:" for k in range(depth)]


def long_string(rng, lines, ctx):
    long = b"x" * rng.choice([10000, 1000000])
    if rng.random() < 0.5:
        return replace_value(rng, lines, long)
    return lines + [long + b": 1"]


def recursive_alias(rng, lines, ctx):
    return replace_value(rng, lines, rng.choice([b"&x [*x]", b"&y {a: *y}", b"&z [1, [2, *z]]"]))


def alias_bomb(rng, lines, ctx):
    bomb = [b"bomb0: &b0 [x, x, x, x]"]
    for k in range(1, 16):
        bomb.append(b"bomb%d: &b%d [*b%d, *b%d, *b%d, *b%d]" % (k, k, k - 1, k - 1, k - 1, k - 1))
    return lines + bomb


def second_document(rng, lines, ctx):
    return lines + [b"---", b"seed: 2"]


def unknown_tag(rng, lines, ctx):
    return replace_value(rng, lines, rng.choice([b"!foo 1", b"!!python/object:os.system x", b"!<tag:x> 2"]))


def set_base(lines, target):
    lines = [line for line in lines if not line.startswith(b"base:")]
    return [b"base: " + target] + lines


def base_loop(rng, lines, ctx):
    if rng.random() < 0.5:
        return set_base(lines, os.path.basename(ctx["path"]).encode())
    partner = ctx["path"] + ".partner.yaml"
    with open(partner, "wb") as f:
        f.write(b"base: " + os.path.basename(ctx["path"]).encode() + b"\nseed: 2\n")
    return set_base(lines, os.path.basename(partner).encode())


def base_missing(rng, lines, ctx):
    return set_base(lines, b"no_such_base.yaml")


def base_directory(rng, lines, ctx):
    return set_base(lines, rng.choice([b".", b"..", b"/tmp", b"/"]))


def base_device(rng, lines, ctx):
    return set_base(lines, rng.choice([b"/dev/zero", b"/dev/null", b"/dev/urandom"]))


MUTATIONS = [delete_line, duplicate_line, swap_lines, break_indentation, random_bytes, nul_byte, truncate,
             hostile_number, hostile_number, wrong_type, wrong_type, deep_nesting, deep_block_nesting,
             long_string, recursive_alias, alias_bomb, second_document, unknown_tag, base_loop, base_missing,
             base_directory, base_device]


def shipped_experiments(experiments_dir):
    found = []
    for folder, _, files in os.walk(experiments_dir):
        found += [os.path.join(folder, f) for f in files if f.endswith(".yaml")]
    return sorted(found)


def make_case(rng, index, sources, work):
    """Writes case `index` next to its source (in the copied tree, so relative bases resolve); its path and
    the mutations applied."""
    source = rng.choice(sources)
    path = os.path.join(os.path.dirname(source), "fuzz_%05d.yaml" % index)
    with open(source, "rb") as f:
        lines = f.read().split(b"\n")
    ctx = {"path": path}
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        mutation = rng.choice(MUTATIONS)
        lines = mutation(rng, lines, ctx)
        applied.append(mutation.__name__)
    with open(path, "wb") as f:
        f.write(b"\n".join(lines))
    return path, os.path.relpath(source, work) + ": " + ", ".join(applied)


def run_case(mann, path, work, timeout):
    """(passed, why) for one file."""
    env = dict(os.environ, MANN_DATA=os.path.join(work, "no-data"))
    started = time.monotonic()
    try:
        done = subprocess.run([mann, "train", path, "--dry-run"], cwd=work, env=env, capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "no answer within %g s" % timeout
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    if done.returncode < 0 or done.returncode >= 128:
        return False, "killed by signal (exit %d): %s" % (done.returncode, output[-300:])
    if done.returncode != 0 and work not in output:
        return False, "refused without naming the file: " + output[-300:]
    return True, "%.2f s, exit %d" % (time.monotonic() - started, done.returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mann", default=os.path.join(ROOT, "build", "mann"), help="the mann binary")
    parser.add_argument("--count", type=int, default=1000, help="files to try (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per file (default 5)")
    parser.add_argument("--jobs", type=int, default=2, help="files run at once (default 2)")
    parser.add_argument("--experiments", default=os.path.join(ROOT, "experiments"), help="the files to mutate")
    parser.add_argument("--keep", help="copy failing files into this directory")
    parser.add_argument("--verbose", action="store_true", help="print every file's result")
    args = parser.parse_args()
    if not os.access(args.mann, os.X_OK):
        sys.exit("fuzz_configs: %s is not an executable (build mann first, or give --mann)" % args.mann)

    work = tempfile.mkdtemp(prefix="mann-fuzz-")
    try:
        # A copy of the experiments tree: mutated files sit beside their originals, so `base:` resolves.
        tree = os.path.join(work, "experiments")
        shutil.copytree(args.experiments, tree)
        sources = shipped_experiments(tree)
        rng = random.Random(args.seed)
        cases = [make_case(rng, i, sources, work) for i in range(args.count)]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda case: run_case(args.mann, case[0], work, args.timeout), cases))
        failed = 0
        for (path, what), (passed, why) in zip(cases, results):
            if args.verbose or not passed:
                print("%s %s (%s): %s" % ("PASS" if passed else "FAIL", os.path.basename(path), what, why))
            if not passed:
                failed += 1
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    shutil.copy(path, args.keep)
        print("%d passed, %d failed" % (len(cases) - failed, failed))
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
