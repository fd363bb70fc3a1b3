#pragma once
#include "framework/config/registry.h"

namespace mann {
// Registry entry of kind "model" for the retrieval family: `retrieval_reader`.
void register_retrieval_models(Registry& registry);
}  // namespace mann
