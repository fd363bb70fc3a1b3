#pragma once
// The registry entry of the `reader` model (Hermann et al. 2015).
#include "framework/config/registry.h"

namespace mann {

void register_readers(Registry& r);

}  // namespace mann
