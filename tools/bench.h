#pragma once
// `mann bench ntm|memn2n`: training throughput under the fixed recipes of the PyTorch reference programs
// (shared/bench/ref), to compare on the same machine and thread count. Each closes with a line
// "throughput X sequences/s" or "throughput X questions/s" that shared/bench/ratio.sh reads.
#include "tools/commands.h"

namespace mann {

// Options --batch B, --threads N, --steps S (default: 320 at batch 1, else 120, as ratio.sh runs the
// reference), --seed. Trains S steps of the copy task, timed after the first 20 (warm-up) steps, and
// reports the peak memory.
int bench_ntm(const Args& args);

// Options --task T, --batch B, --threads N, --epochs E, --data-dir DIR. Trains E epochs of one bAbI 1k
// task, timed over epochs 2..E.
int bench_memn2n(const Args& args);

}  // namespace mann
