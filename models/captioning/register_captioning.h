#pragma once
#include "framework/config/registry.h"

namespace mann {
// The `captioner` model (Show, Attend and Tell) for captioned-image datasets (fashion_scenes).
void register_captioning(Registry& registry);
}  // namespace mann
