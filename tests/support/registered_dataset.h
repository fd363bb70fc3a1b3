#pragma once
// A dataset built from a YAML `dataset:` node through the registry, as `mann train` builds it, for tests of
// datasets' registry entries (options, defaults, errors at file:line).
#include <memory>
#include <string>

#include "datasets/dataset.h"
#include "datasets/register_datasets.h"
#include "framework/config/config_node.h"
#include "framework/config/registry.h"

namespace mann::testing {

// `yaml` is the node's text (e.g. "{type: fashion_mnist, ...}"), read as the file "dataset.yaml".
inline std::unique_ptr<Dataset> create_dataset(const std::string& yaml) {
  Registry registry;
  register_datasets(registry);
  DatasetContext context;
  return registry.create<Dataset, DatasetContext>("dataset", load_config_string(yaml, "dataset.yaml"),
                                                  context);
}

}  // namespace mann::testing
