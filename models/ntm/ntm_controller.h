#pragma once
// The NTM controller: a stack of LSTM layers, or a feed-forward network (tanh layers), reading the
// step's input concatenated with the previous step's read vectors. Its output (the last layer's
// activation) emits the heads' parameters and, with the read vectors, the model's output.
#include <optional>

#include "framework/nn/mlp.h"
#include "framework/nn/recurrent_stack.h"
#include "models/ntm/ntm_options.h"

namespace mann {

class NTMController {
 public:
  // Parameters under scope/lstm<k> (LSTM) or scope/mlp/layer<k> (feed-forward).
  NTMController(const ParamScope& scope, Index input_width, ControllerKind kind, Index size, int layers,
                Rng& rng);

  // One state per LSTM layer; empty for feed-forward.
  using State = RecurrentStack::State;
  // The state before the first step: zeros for every LSTM layer.
  State initial_state(Tape& tape, Index batch) const;
  // Output (B x size) for input x (B x input_width); advances state.
  Var step(Tape& tape, Var x, State& state) const;

  // The width of step()'s output.
  Index output_width() const { return size_; }

 private:
  Index size_;
  std::optional<RecurrentStack> lstm_;
  std::optional<MLP> feedforward_;
};

}  // namespace mann
