#pragma once
#include "framework/config/registry.h"

namespace mann {
// Registry entries of kind "dataset".
void register_datasets(Registry& registry);
}  // namespace mann
