#include "models/ntm/ntm_controller.h"

#include <string>

#include "framework/autodiff/errors.h"

namespace mann {

NTMController::NTMController(const ParamScope& scope, Index input_width, ControllerKind kind, Index size,
                             int layers, Rng& rng)
    : size_(size) {
  if (size <= 0 || layers <= 0)
    throw UserError(scope.name() + ": controller size and layers must be positive");
  if (kind == ControllerKind::Lstm) {
    for (int l = 0; l < layers; ++l)
      lstm_.emplace_back(scope.sub("lstm" + std::to_string(l)), l == 0 ? input_width : size, size, rng);
  } else {
    std::vector<Index> sizes{input_width};
    sizes.resize(static_cast<size_t>(layers) + 1, size);
    feedforward_.emplace(scope.sub("mlp"), sizes, rng, MLPOptions{Activation::Tanh, Activation::Tanh});
  }
}

NTMController::State NTMController::initial_state(Tape& tape, Index batch) const {
  State state;
  for (const LSTMCell& cell : lstm_) state.push_back(cell.initial_state(tape, batch));
  return state;
}

Var NTMController::step(Tape& tape, Var x, State& state) const {
  if (feedforward_) return (*feedforward_)(tape, x);
  for (size_t l = 0; l < lstm_.size(); ++l) {
    state[l] = lstm_[l](tape, x, state[l]);
    x = state[l].h;
  }
  return x;
}

}  // namespace mann
