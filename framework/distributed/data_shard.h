#pragma once
// One rank's part of every global batch in data-parallel training: the contiguous examples
// [begin, end) of a batch of n, so the shards of all ranks are the batch, each example exactly once.
#include <cstdint>

#include "framework/util/rng.h"

namespace mann::distributed {

struct DataShard {
  int rank = 0;
  int size = 1;

  int64_t begin(int64_t n) const { return n * rank / size; }
  int64_t end(int64_t n) const { return n * (rank + 1) / size; }
  int64_t count(int64_t n) const { return end(n) - begin(n); }
  // The weight of this shard's mean loss: the shards' weighted losses (and gradients) sum to the mean over
  // the whole batch, so the gradients need only be summed over ranks.
  float share(int64_t n) const { return static_cast<float>(count(n)) / static_cast<float>(n); }
  bool whole() const { return size == 1; }
};

// The generator of a rank's own random choices in one step (hard attention's samples), distinct per rank
// and step. It is seeded from a copy of the shared stream, which it leaves untouched: the shared stream
// draws the global batches, so it must move exactly as in a single process, on every rank.
inline Rng rank_stream(const Rng& shared, const DataShard& shard, int64_t step) {
  Rng copy = shared;
  return Rng(copy.next() ^ (0x9E3779B97F4A7C15ull * static_cast<uint64_t>(shard.rank + 1)) ^
             (0xD1B54A32D192ED03ull * static_cast<uint64_t>(step + 1)));
}

}  // namespace mann::distributed
