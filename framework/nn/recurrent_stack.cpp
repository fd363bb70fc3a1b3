#include "framework/nn/recurrent_stack.h"

#include "framework/autodiff/errors.h"

namespace mann {

LayerScopes numbered_layers(const ParamScope& scope, const std::string& prefix) {
  return {scope, [scope, prefix](int layer) { return scope.sub(prefix + std::to_string(layer)); }};
}

LayerScopes single_layer(const ParamScope& scope) {
  return {scope, [scope](int layer) {
            if (layer != 0)
              throw UserError(scope.name() + ": has a single recurrent layer, not " + std::to_string(layer + 1));
            return scope;
          }};
}

RecurrentStack::RecurrentStack(RnnKind kind, const LayerScopes& layer_scopes, Index input_size,
                               Index hidden_size, int layers, Rng& rng)
    : Module(layer_scopes.stack), hidden_(hidden_size) {
  if (hidden_size <= 0 || layers <= 0) {
    const std::string where = layers > 0 ? layer_scopes.layer(0).name() : std::string("recurrent stack");
    throw UserError(where + ": recurrent size and layers must be positive");
  }
  for (int l = 0; l < layers; ++l)
    cells_.emplace_back(kind, layer_scopes.layer(l), l == 0 ? input_size : hidden_size, hidden_size, rng);
}

RecurrentStack::State RecurrentStack::initial_state(Tape& tape, Index batch) const {
  State state;
  state.reserve(cells_.size());
  for (const RecurrentCell& cell : cells_) state.push_back(cell.initial_state(tape, batch));
  return state;
}

Var RecurrentStack::step(Tape& tape, Var x, State& state) const {
  for (size_t l = 0; l < cells_.size(); ++l) {
    state[l] = cells_[l](tape, x, state[l]);
    x = state[l].h;
  }
  return x;
}

std::vector<Var> RecurrentStack::run(Tape& tape, const std::vector<Var>& inputs, const std::vector<Var>& keep,
                                     Direction direction) const {
  const size_t steps = inputs.size();
  if (keep.size() != steps)
    throw ShapeError("RecurrentStack::run: " + std::to_string(keep.size()) + " keep masks for " +
                     std::to_string(steps) + " steps");
  std::vector<Var> outputs(steps);
  if (steps == 0) return outputs;
  State state = initial_state(tape, inputs.front().rows());
  for (size_t i = 0; i < steps; ++i) {
    const size_t t = direction == Direction::RightToLeft ? steps - 1 - i : i;
    Var x = inputs[t];
    for (size_t l = 0; l < cells_.size(); ++l) {
      state[l] = where(keep[t], cells_[l](tape, x, state[l]), state[l]);
      x = state[l].h;
    }
    outputs[t] = x;
  }
  return outputs;
}

}  // namespace mann
