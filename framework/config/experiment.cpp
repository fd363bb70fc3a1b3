#include "framework/config/experiment.h"

#include "framework/config/inherit.h"
#include "framework/config/override.h"
#include "framework/config/registry.h"

namespace mann {

const ComponentSpec& experiment_spec() {
  // train/eval/output are plain maps here: their own owners validate their contents.
  static const ComponentSpec spec{
      "experiment",
      "experiment",
      "A complete experiment: data, model, training and evaluation settings.",
      {
          {"name", "string", "unnamed", false, "Experiment name, used in output paths and logs."},
          {"seed", "int", "0", false, "Seed of the experiment's random number generator."},
          {"dataset", "component:dataset", "", true, "The task/data set to train and evaluate on."},
          {"model", "component:model", "", true, "The model to train."},
          {"train", "map", "{}", false, "Training loop settings."},
          {"eval", "map", "{}", false, "Evaluation settings."},
          {"output", "map", "{}", false, "Where and what to write (checkpoints, logs, metrics)."},
          {"base", "string", "", false, "A config file this one inherits from (relative to this file)."},
          {"sweep", "map", "", false,
           "A grid for `mann sweep`: key path -> list of values; `mann train` ignores it."},
      }};
  return spec;
}

ConfigNode load_experiment(const std::string& path, const std::vector<std::string>& overrides,
                           const ConfigNode* defaults) {
  ConfigNode root = defaults ? *defaults : ConfigNode::map();
  ConfigNode file = load_config_with_bases(path);
  if (!file.is_map() && !file.is_null())
    throw ConfigError(file.pos(), "", "an experiment config must be a map, got " + file.describe());
  if (file.is_map()) {
    merge_into(root, file);
  } else {
    // An empty file: messages about what it lacks ("missing required option") name it.
    if (root.is_null()) root = ConfigNode::map();
    root.set_pos(SourcePos{path, 1, 1});
  }
  for (const std::string& o : overrides) apply_override(root, o);
  return root;
}

void validate_experiment(const ConfigNode& root, const Registry& registry) {
  validate(root, experiment_spec(), registry);
}

}  // namespace mann
