#pragma once
// One step of a GRU (Cho et al. 2014, eqs. 5-8; reset applied before the recurrent product):
//
//   [r z] = sigmoid(x W_rz + h U_rz + b_rz)
//   n     = tanh(x W_n + (r * h) U_n + b_n)
//   h'    = z * h + (1 - z) * n
//
// W = [W_rz W_n] (input x 3H) and b = [b_rz b_n] (1 x 3H) are stored fused so that the input side is one
// affine; U_rz (H x 2H) and U_n (H x H) are separate because r gates h before U_n.
#include <string>

#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct GRUOptions {
  Init input_init = Init::glorot();
  Init recurrent_init = Init::orthogonal();  // applied to each (H x H) gate block
};

class GRUCell : public Module {
 public:
  // Creates "W" (input x 3H), "U_rz" (H x 2H), "U_n" (H x H) and "b" (1 x 3H) under scope.
  GRUCell(const ParamScope& scope, Index input_size, Index hidden_size, Rng& rng,
          const GRUOptions& options = {});

  Var operator()(Tape& tape, Var x, Var h) const;    // -> h' (B x H)
  Var initial_state(Tape& tape, Index batch) const;  // zeros (batch x H)

  Index input_size() const { return input_; }
  Index hidden_size() const { return hidden_; }

 private:
  Index input_, hidden_;
  Parameter* W_;
  Parameter* U_rz_;
  Parameter* U_n_;
  Parameter* b_;
};

}  // namespace mann
