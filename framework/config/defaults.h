#pragma once
// Writing a component's defaults into its config map, so that a resolved config says every option's
// effective value (what a run's config.yaml records and what `mann compare` compares), not only the
// options the file happened to set.
#include "framework/config/config_node.h"
#include "framework/config/schema.h"

namespace mann {

class Registry;

// Sets every option of `spec` that `component` leaves out (or sets to null) and that has a default to that
// default, then does the same inside every nested component (`component:<kind>` options, whether set or
// defaulted). Options without a default stay absent. `component` must already be valid for `spec`.
void fill_defaults(ConfigNode& component, const ComponentSpec& spec, const Registry& registry);

}  // namespace mann
