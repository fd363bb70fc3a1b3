#pragma once
// `mann bench ntm`: training speed of the NTM on the reference recipe (shared/bench/ref/ntm_copy.py).
#include "tools/commands.h"

namespace mann {

// Options --batch B, --threads N, --steps S (default: 320 at batch 1, else 120, as ratio.sh runs the
// reference), --seed. Trains S steps of the copy task and closes with
// "throughput X sequences/s, ..." measured after the first 20 (warm-up) steps, and the peak memory.
int bench_ntm(const Args& args);

}  // namespace mann
