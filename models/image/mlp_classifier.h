#pragma once
// The fully connected baseline of image classification: the pixels through hidden ReLU layers (two of 256
// by default, as the RAM paper's FC baselines) to the class scores.
#include <vector>

#include "framework/nn/mlp.h"
#include "models/image/image_model.h"

namespace mann {

class MlpClassifier : public ImageModel {
 public:
  /// Layers under scope/mlp: input_width -> hidden... -> classes. Throws UserError for a non-positive width.
  MlpClassifier(const ParamScope& scope, Index input_width, const std::vector<int>& hidden, int classes,
                Rng& rng);
  Var logits(Tape& tape, Var pixels, AddressingContext& ctx) override;
  std::string describe() const override { return "mlp"; }

 private:
  MLP mlp_;
};

}  // namespace mann
