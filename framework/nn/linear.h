#pragma once
// A fully connected layer y = x W + b: x is (B x in), W (in x out), b (1 x out) broadcast over the batch.
//
// Tied variant: a Linear can wrap an existing weight (e.g. an embedding table, V x d) and use it
// transposed, y = x E^T, as in the output layer of MemN2N / weight-tied language models.
#include <string>

#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct LinearOptions {
  bool bias = true;
  Init weight_init = Init::glorot();
  Init bias_init = Init::zeros();
};

class Linear : public Module {
 public:
  // Creates "W" and (optionally) "b" under scope.
  Linear(const ParamScope& scope, Index in, Index out, Rng& rng, const LinearOptions& options = {});
  // Reuses existing parameters (weight tying). transposed: the weight is (out x in) and y = x W^T + b.
  static Linear tied(std::string name, Parameter& weight, Parameter* bias = nullptr, bool transposed = false);

  Var operator()(Tape& tape, Var x) const;

  Parameter& weight() const { return *weight_; }
  Parameter* bias() const { return bias_; }
  Index in_features() const { return in_; }
  Index out_features() const { return out_; }

 private:
  Linear(std::string name, Parameter* weight, Parameter* bias, bool transposed);

  Parameter* weight_ = nullptr;
  Parameter* bias_ = nullptr;
  bool transposed_ = false;
  Index in_ = 0, out_ = 0;
};

}  // namespace mann
