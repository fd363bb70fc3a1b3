#pragma once
// A multi-layer perceptron: Linear layers of the given sizes {in, hidden..., out}, with an activation
// between consecutive layers and output_activation (default none: logits) after the last.
#include <string>
#include <vector>

#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/nn/activation.h"
#include "framework/nn/linear.h"

namespace mann {

struct MLPOptions {
  Activation activation = Activation::Tanh;
  Activation output_activation = Activation::None;
  LinearOptions linear = {};
};

class MLP : public Module {
 public:
  // Layer k's parameters live under scope/layer<k>. sizes needs at least two entries.
  MLP(const ParamScope& scope, const std::vector<Index>& sizes, Rng& rng, const MLPOptions& options = {});

  Var operator()(Tape& tape, Var x) const;

  const std::vector<Linear>& layers() const { return layers_; }
  Index in_features() const { return layers_.front().in_features(); }
  Index out_features() const { return layers_.back().out_features(); }

 private:
  std::vector<Linear> layers_;
  Activation activation_, output_activation_;
};

}  // namespace mann
