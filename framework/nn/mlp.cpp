#include "framework/nn/mlp.h"

namespace mann {

MLP::MLP(const ParamScope& scope, const std::vector<Index>& sizes, Rng& rng, const MLPOptions& options)
    : Module(scope), activation_(options.activation), output_activation_(options.output_activation) {
  if (sizes.size() < 2) {
    throw ShapeError("MLP '" + name() + "': needs at least an input and an output size, got " +
                     std::to_string(sizes.size()) + " sizes");
  }
  for (size_t k = 0; k + 1 < sizes.size(); ++k) {
    layers_.emplace_back(scope.sub("layer" + std::to_string(k)), sizes[k], sizes[k + 1], rng, options.linear);
  }
}

Var MLP::operator()(Tape& tape, Var x) const {
  if (x.cols() != in_features()) {
    throw ShapeError("MLP '" + name() + "': input is " + shape_string(x.value()) + ", expected (B x " +
                     std::to_string(in_features()) + ")");
  }
  for (size_t k = 0; k < layers_.size(); ++k) {
    x = layers_[k](tape, x);
    x = apply(k + 1 < layers_.size() ? activation_ : output_activation_, x);
  }
  return x;
}

}  // namespace mann
