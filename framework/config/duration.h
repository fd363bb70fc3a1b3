#pragma once
// A training length or interval in a config: a number of optimizer steps (`2900`, `2900 steps`) or of
// epochs (`100 epochs`, `1 epoch`). Papers give bAbI recipes in epochs, and an epoch's step count depends
// on the dataset (which tasks, 1k or 10k, the batch), so a file can say what it means and stay right when
// the data changes.
#include <cstdint>

#include "framework/config/config_node.h"

namespace mann {

struct Duration {
  int64_t count = 0;
  bool epochs = false;  // count is in epochs, else in optimizer steps
};

// ConfigError at the value when it is neither an integer nor `<integer> step(s)|epoch(s)`.
Duration parse_duration(const ConfigNode& value);

}  // namespace mann
