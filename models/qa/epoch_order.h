#pragma once
// Which training examples a step uses when a learner walks a fixed training set in epochs.
//
// Epoch e visits every example once in an order shuffled by a generator seeded from (seed, e) alone, so the
// batch of any step can be recomputed from the step number: a run resumed from a checkpoint sees exactly
// the batches an uninterrupted run would have seen, without storing any order.
#include <cstdint>
#include <vector>

namespace mann {

struct EpochPlan {
  int examples = 0;  // training set size
  int batch = 1;     // examples per step; the last step of an epoch takes what is left

  int64_t steps_per_epoch() const { return (examples + batch - 1) / batch; }
};

// The visiting order of epoch `epoch`: a permutation of 0..examples-1.
std::vector<int> epoch_permutation(int examples, uint64_t seed, int64_t epoch);

// The example indices of any global step (0-based) under a plan; keeps the current epoch's order so that
// consecutive steps cost O(batch).
class EpochSampler {
 public:
  EpochSampler(EpochPlan plan, uint64_t seed);
  std::vector<int> indices(int64_t step);
  const EpochPlan& plan() const { return plan_; }

 private:
  EpochPlan plan_;
  uint64_t seed_;
  int64_t cached_epoch_ = -1;
  std::vector<int> order_;
};

// A seed for anything else random in step `step` (noise, dropout), decorrelated from the epoch orders.
uint64_t step_seed(uint64_t seed, int64_t step);

}  // namespace mann
