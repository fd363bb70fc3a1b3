#pragma once
#include "framework/config/registry.h"

namespace mann {

// Registers model `memn2n` (learns `qa` datasets).
void register_memn2n(Registry& registry);

}  // namespace mann
