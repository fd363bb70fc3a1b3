#pragma once
#include "framework/config/registry.h"

namespace mann {
// Registry entries of kind "model": each builds a Learner (the model bound to its dataset).
void register_models(Registry& registry);
}  // namespace mann
