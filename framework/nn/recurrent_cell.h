#pragma once
// An LSTM or GRU cell behind one interface, so a model chooses its cell with one option. The state carries
// c only for the LSTM. RecurrentStack (recurrent_stack.h) stacks these into layers.
#include <optional>
#include <string>
#include <vector>

#include "framework/nn/gru_cell.h"
#include "framework/nn/lstm_cell.h"
#include "framework/nn/module.h"
#include "framework/util/enum_names.h"

namespace mann {

// Which cell a recurrent layer uses.
enum class RnnKind { Lstm, Gru };

template <>
struct EnumNames<RnnKind> {
  static constexpr std::string_view noun = "recurrent cell";
  static constexpr auto entries =
      std::to_array<EnumEntry<RnnKind>>({{RnnKind::Lstm, "lstm"}, {RnnKind::Gru, "gru"}});
};

// The state a recurrent cell carries from one step to the next.
struct RnnState {
  Var h;  // (B x H)
  Var c;  // (B x H), LSTM only (invalid for the GRU)
};

class RecurrentCell : public Module {
 public:
  // A module at scope; the cell's parameters go directly under it (LSTMCell: W, U, b; GRUCell: W, U_rz, U_n, b).
  RecurrentCell(RnnKind kind, const ParamScope& scope, Index input_size, Index hidden_size, Rng& rng);

  // One step: x (B x input_size) and the previous state -> the next state.
  RnnState operator()(Tape& tape, Var x, const RnnState& state) const;
  // Zeros (batch x H) for h (and c).
  RnnState initial_state(Tape& tape, Index batch) const;
  // The state with h given (e.g. from an encoder summary) and c zero.
  RnnState state_from(Tape& tape, Var h) const;
  // H, the width of h (and c).
  Index hidden_size() const { return hidden_; }

 private:
  Index hidden_;
  std::optional<LSTMCell> lstm_;
  std::optional<GRUCell> gru_;
};

// `next` where keep (B x 1) is 1 and `previous` where it is 0: padded steps leave a sequence's state alone.
RnnState where(Var keep, const RnnState& next, const RnnState& previous);
// Rows of a state (beam search reorders hypotheses by their parents).
RnnState gather_state(const RnnState& state, const std::vector<int>& rows);

}  // namespace mann
