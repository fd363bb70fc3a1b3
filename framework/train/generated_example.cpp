#include "framework/train/generated_example.h"

#include "framework/autodiff/errors.h"
#include "framework/train/trainer.h"

namespace mann {

uint64_t example_seed(uint64_t eval_seed, const std::string& split, int64_t index) {
  // Mixed again after the xor, so that neighbouring indices give unrelated seeds.
  return (split_seed(eval_seed, split) ^ static_cast<uint64_t>(index)) * 0x100000001B3ull +
         0x9E3779B97F4A7C15ull;
}

Rng generated_example_rng(uint64_t eval_seed, const std::string& split, int64_t index) {
  if (split != "train" && split != "valid" && split != "test")
    throw UserError("generated data has the splits train, valid and test, not `" + split + "`");
  if (index < 0)
    throw UserError("example " + std::to_string(index) +
                    " is out of range: generated data draws any example index >= 0");
  return Rng(example_seed(eval_seed, split, index));
}

}  // namespace mann
