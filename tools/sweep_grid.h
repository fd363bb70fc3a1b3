#pragma once
// `mann sweep`'s grid: the `sweep:` map of an experiment file (key path -> list of values) expanded into
// its cartesian product, each point a list of --set overrides with a name for its runs and report rows.
#include <string>
#include <vector>

#include "framework/config/config_node.h"

namespace mann {

struct SweepPoint {
  std::string label;                   // "train.lr=0.01+model.hops=1": its runs' directory and report row
  std::vector<std::string> overrides;  // {"train.lr=0.01", "model.hops=1"}
};

// Every combination of the values, the first key varying slowest (file order). A key with a single value
// instead of a list counts as a list of one. ConfigError (at the node) for an empty or non-map grid or an
// empty list. Label characters other than letters, digits and `._=+-` become `_` (they name directories
// and CSV cells).
std::vector<SweepPoint> expand_sweep_grid(const ConfigNode& sweep);

}  // namespace mann
