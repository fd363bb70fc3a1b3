#pragma once
#include "framework/config/registry.h"

namespace mann {
// Registry entry of kind "model" for the recurrent attention model: `ram`.
void register_ram(Registry& registry);
}  // namespace mann
