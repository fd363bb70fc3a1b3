#pragma once
// Every key path an experiment config can hold (`train.optimizer.lr`, `model.addressing.score`), following
// the components the config chooses (or their defaults), and the nearest of them to a key that is not one:
// `--set train.lr=0.005` is a slip for `train.optimizer.lr`, which a per-map suggestion cannot find.
#include <string>
#include <vector>

#include "framework/config/config_node.h"
#include "framework/config/registry.h"

namespace mann {

// The key paths of `root` under the experiment's spec: top-level keys, the plain sections' options and,
// for component options, the options of the type chosen (or of the default type).
std::vector<std::string> known_key_paths(const ConfigNode& root, const Registry& registry);

// The known path that `wrong` most likely meant: one ending in the same key (sharing the longest leading
// part of the path, then the shortest), else the nearest by edit distance; "" when nothing is close.
std::string nearest_key_path(const std::string& wrong, const std::vector<std::string>& known);

}  // namespace mann
