#pragma once
// Which example an attention view of a generated dataset shows: example `index` of `split` is drawn on its
// own from a seed derived from the evaluation seed, the split and the index, so the same call always shows
// the same example and no index is ever out of a fixed range.
#include <cstdint>
#include <string>

#include "framework/util/rng.h"

namespace mann {

uint64_t example_seed(uint64_t eval_seed, const std::string& split, int64_t index);

// A generator seeded with example_seed; UserError for a split other than train, valid or test, or a
// negative index.
Rng generated_example_rng(uint64_t eval_seed, const std::string& split, int64_t index);

}  // namespace mann
