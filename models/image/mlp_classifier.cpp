#include "models/image/mlp_classifier.h"

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

std::vector<Index> layer_sizes(Index input_width, const std::vector<int>& hidden, int classes) {
  std::vector<Index> sizes = {input_width};
  for (int h : hidden) {
    if (h <= 0) throw UserError("mlp: hidden widths must be positive");
    sizes.push_back(h);
  }
  sizes.push_back(classes);
  return sizes;
}

}  // namespace

MlpClassifier::MlpClassifier(const ParamScope& scope, Index input_width, const std::vector<int>& hidden,
                             int classes, Rng& rng)
    : mlp_(scope.sub("mlp"), layer_sizes(input_width, hidden, classes), rng,
           MLPOptions{.activation = Activation::Relu}) {}

Var MlpClassifier::logits(Tape& tape, Var pixels, AddressingContext&) {
  return mlp_(tape, pixels);
}

}  // namespace mann
