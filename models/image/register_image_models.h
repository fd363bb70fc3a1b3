#pragma once
#include "framework/config/registry.h"

namespace mann {
// Registry entries of kind "model" for the whole-image baselines of image classification: `mlp`,
// `convnet` (the RAM paper's) and `convnet2` (two convolution layers with pooling).
void register_image_models(Registry& registry);
}  // namespace mann
