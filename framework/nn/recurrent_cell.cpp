#include "framework/nn/recurrent_cell.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

RecurrentCell::RecurrentCell(RnnKind kind, const ParamScope& scope, Index input_size, Index hidden_size,
                             Rng& rng)
    : Module(scope), hidden_(hidden_size) {
  if (kind == RnnKind::Lstm)
    lstm_.emplace(scope, input_size, hidden_size, rng);
  else
    gru_.emplace(scope, input_size, hidden_size, rng);
}

RnnState RecurrentCell::operator()(Tape& tape, Var x, const RnnState& state) const {
  if (gru_) return {(*gru_)(tape, x, state.h), Var{}};
  const LSTMState next = (*lstm_)(tape, x, LSTMState{state.h, state.c});
  return {next.h, next.c};
}

RnnState RecurrentCell::initial_state(Tape& tape, Index batch) const {
  return state_from(tape, tape.constant(batch, hidden_, 0.f));
}

RnnState RecurrentCell::state_from(Tape& tape, Var h) const {
  if (gru_) return {h, Var{}};
  return {h, tape.constant(h.rows(), hidden_, 0.f)};
}

RnnState where(Var keep, const RnnState& next, const RnnState& previous) {
  const auto blend = [&](Var n, Var p) { return p + mul(n - p, keep); };
  return {blend(next.h, previous.h), next.c.valid() ? blend(next.c, previous.c) : Var{}};
}

RnnState gather_state(const RnnState& state, const std::vector<int>& rows) {
  return {gather_rows(state.h, rows), state.c.valid() ? gather_rows(state.c, rows) : Var{}};
}

}  // namespace mann
