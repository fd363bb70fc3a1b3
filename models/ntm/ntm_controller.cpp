#include "models/ntm/ntm_controller.h"

#include <vector>

#include "framework/autodiff/errors.h"

namespace mann {

NTMController::NTMController(const ParamScope& scope, Index input_width, ControllerKind kind, Index size,
                             int layers, Rng& rng)
    : size_(size) {
  if (size <= 0 || layers <= 0)
    throw UserError(scope.name() + ": controller size and layers must be positive");
  if (kind == ControllerKind::Lstm) {
    lstm_.emplace(RnnKind::Lstm, numbered_layers(scope, "lstm"), input_width, size, layers, rng);
  } else {
    std::vector<Index> sizes{input_width};
    sizes.resize(static_cast<size_t>(layers) + 1, size);
    feedforward_.emplace(scope.sub("mlp"), sizes, rng, MLPOptions{Activation::Tanh, Activation::Tanh});
  }
}

NTMController::State NTMController::initial_state(Tape& tape, Index batch) const {
  return lstm_ ? lstm_->initial_state(tape, batch) : State{};
}

Var NTMController::step(Tape& tape, Var x, State& state) const {
  if (feedforward_) return (*feedforward_)(tape, x);
  return lstm_->step(tape, x, state);
}

}  // namespace mann
