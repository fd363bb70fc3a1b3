#pragma once
#include "framework/config/registry.h"

namespace mann {

// Registers model `rl_ntm` (learns the rl_* tape datasets).
void register_rl_ntm(Registry& registry);

}  // namespace mann
