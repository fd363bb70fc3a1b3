#pragma once
// What every image classifier's registry entry shares: the learner's options and the construction of the
// learner around a model, so `ram`, `mlp`, `convnet` and `convnet2` differ only in their model's options.
#include <functional>
#include <memory>
#include <vector>

#include "framework/config/schema.h"
#include "models/image/image_learner.h"
#include "models/model_context.h"

namespace mann {

// `specs` followed by the image learner's options (eval_samples, eval_examples, entropy_weight).
std::vector<OptionSpec> with_image_learner_specs(std::vector<OptionSpec> specs);

// Builds the model's parameters and model for an image dataset's shape and classes.
using ImageModelBuilder = std::function<std::unique_ptr<ImageModel>(
    const ParamScope& scope, const ImageShape& image, int classes, Rng& init)>;

// The learner of `c`'s image dataset (a config error at the model's type for another family) with the model
// `build` makes under "model", its parameters seeded by the experiment seed.
std::unique_ptr<ImageLearner> make_image_learner(const ConfigView& v, ModelContext& c,
                                                 const ImageModelBuilder& build);

}  // namespace mann
