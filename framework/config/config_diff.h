#pragma once
// Where two configs differ, key by key: what `mann compare` reports when a run directory holds a run of
// another configuration than the one asked for.
#include <string>
#include <vector>

#include "framework/config/config_node.h"

namespace mann {

struct ConfigDifference {
  std::string path;   // dotted key path, e.g. "train.optimizer.lr"
  std::string left;   // the value in the first config, as short text ("absent" when it lacks the key)
  std::string right;  // the same for the second
};

// The differing keys of two configs, maps compared key by key (in the first config's order, then the keys
// only the second has), lists and other values as a whole. Scalars that both read as numbers compare by
// value, so `0.01` and `1e-2` agree.
std::vector<ConfigDifference> config_differences(const ConfigNode& left, const ConfigNode& right);

// "train.optimizer.lr: 0.01 there, 0.0001 here; model.hops: ..." for the first `limit` differences (and
// "and N more").
std::string describe_differences(const std::vector<ConfigDifference>& differences,
                                 const std::string& left_name, const std::string& right_name,
                                 size_t limit = 4);

}  // namespace mann
