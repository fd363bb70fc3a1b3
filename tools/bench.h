#pragma once
// `mann bench ntm|memn2n|ram|captioner`: training throughput under the fixed recipes of the PyTorch reference
// programs (shared/bench/ref), to compare on the same machine and thread count. Each closes with a line
// "throughput X sequences/s", "... questions/s" or "... examples/s" that shared/bench/ratio.sh reads.
#include "tools/commands.h"

namespace mann {

// Options --batch B, --threads N, --steps S (default: 320 at batch 1, else 120, as ratio.sh runs the
// reference), --seed. Trains S steps of the copy task, timed after the first 20 (warm-up) steps, and
// reports the peak memory.
int bench_ntm(const Args& args);

// Options --task T, --batch B, --threads N, --epochs E, --data-dir DIR. Trains E epochs of one bAbI 1k
// task, timed over epochs 2..E.
int bench_memn2n(const Args& args);

// Options --size S, --clutter C, --glimpses G, --scales K, --batch B, --threads N, --steps S (default 200),
// --model ram|conv, --attention gaussian|hard|gumbel|soft and --grid G (ram), --data-dir DIR. Trains the
// recurrent attention model (or the RAM paper's convnet) on Fashion-MNIST canvases, timed after the first 20
// steps; closes with "throughput X examples/s".
int bench_ram(const Args& args);

// Options --attention soft|hard|gumbel|none, --scenes grid2x2|scenes64, --batch B, --threads N, --steps S
// (default 120), --seed, --data-dir DIR. Trains the Show-Attend-Tell captioner, timed after the first 20
// steps; closes with "throughput X captions/s".
int bench_captioner(const Args& args);

}  // namespace mann
