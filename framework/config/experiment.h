#pragma once
// The whole-experiment config: its top-level keys and the layered loading
// (spec defaults < defaults tree < base chain < the file < --set overrides).
#include <string>
#include <vector>

#include "framework/config/config_node.h"
#include "framework/config/schema.h"

namespace mann {

class Registry;

// The top-level schema: name, seed, dataset (component:dataset), model (component:model), train, eval,
// output, base. Validating against it reports e.g. `modle:` with "did you mean `model`?".
const ComponentSpec& experiment_spec();

// Loads an experiment: `defaults` (may be null) deep-merged under the file and its `base:` chain, then each
// `--set` override applied in order. Not validated: call validate_experiment() once components are
// registered. The root is always a map.
ConfigNode load_experiment(const std::string& path, const std::vector<std::string>& overrides = {},
                           const ConfigNode* defaults = nullptr);

// validate(root, experiment_spec(), registry), recursing into dataset and model.
void validate_experiment(const ConfigNode& root, const Registry& registry);

}  // namespace mann
