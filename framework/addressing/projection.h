#pragma once
// A small affine projection y = x W + b of the query, with W "W" (in x out) and b "b" (1 x out) created
// under the given scope. A stand-in for nn::Linear until that layer lands; same construction signature,
// so switching is a one-line change per module.
#include "framework/autodiff/ops.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

class Projection {
 public:
  Projection(const ParamScope& scope, Index in, Index out, Rng& rng, const Init& weight_init = Init::glorot(),
             const Init& bias_init = Init::zeros());

  Var operator()(Tape& tape, Var x) const { return affine(x, tape.param(*W_), tape.param(*b_)); }
  Parameter& weight() const { return *W_; }
  Parameter& bias() const { return *b_; }
  Index in() const { return W_->value.rows(); }
  Index out() const { return W_->value.cols(); }

 private:
  Parameter* W_;
  Parameter* b_;
};

}  // namespace mann
