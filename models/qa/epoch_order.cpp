#include "models/qa/epoch_order.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "framework/util/rng.h"

namespace mann {
namespace {

// SplitMix64 finaliser: neighbouring (seed, counter) pairs give unrelated generator seeds.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<int> epoch_permutation(int examples, uint64_t seed, int64_t epoch) {
  std::vector<int> order(static_cast<size_t>(examples));
  std::iota(order.begin(), order.end(), 0);
  Rng rng(mix(mix(seed) ^ static_cast<uint64_t>(epoch)));
  for (int i = examples - 1; i > 0; --i) std::swap(order[i], order[rng.uniform_int(i + 1)]);
  return order;
}

EpochSampler::EpochSampler(EpochPlan plan, uint64_t seed) : plan_(plan), seed_(seed) {
  if (plan.examples <= 0 || plan.batch <= 0)
    throw std::invalid_argument("EpochSampler: needs examples and a positive batch");
}

std::vector<int> EpochSampler::indices(int64_t step) {
  const int64_t per_epoch = plan_.steps_per_epoch();
  if (step / per_epoch != cached_epoch_) {
    cached_epoch_ = step / per_epoch;
    order_ = epoch_permutation(plan_.examples, seed_, cached_epoch_);
  }
  const int64_t first = (step % per_epoch) * plan_.batch;
  const int64_t last = std::min<int64_t>(first + plan_.batch, plan_.examples);
  return {order_.begin() + first, order_.begin() + last};
}

uint64_t step_seed(uint64_t seed, int64_t step) {
  return mix(mix(seed ^ 0x5851F42D4C957F2Dull) + static_cast<uint64_t>(step));
}

}  // namespace mann
