#pragma once
// Options of the RL-NTM (Zaremba & Sutskever 2015): the controller, the tapes and the rewards.
#include "framework/util/enum_names.h"

namespace mann {

// LSTM: the controller's state alone predicts the output symbol. Direct: the current input symbol also
// feeds the output layer straight (the paper's "direct access" controller), so copying needs no memory of
// the symbol, only the right moves.
enum class RlControllerKind { Lstm, Direct };

template <>
struct EnumNames<RlControllerKind> {
  static constexpr std::string_view noun = "RL-NTM controller";
  static constexpr auto entries = std::to_array<EnumEntry<RlControllerKind>>(
      {{RlControllerKind::Lstm, "lstm"}, {RlControllerKind::Direct, "direct"}});
};

struct RlNtmOptions {
  RlControllerKind controller = RlControllerKind::Direct;
  int hidden = 35;                  // LSTM units
  int memory_width = 35;            // reals per memory tape cell (the paper's memory of 35 reals)
  bool forward_only_input = false;  // the input head moves 0/+1 only (forced on by forward_reverse)
  float step_budget = 2.f;          // an episode lasts at most step_budget * (|input| + |output|) + 2 steps
  // A symbol never written costs this much reward, and a written one earns log p(correct symbol) but never
  // less than minus this, so writing is never worse than staying silent (about 2 ln 31 for 30 symbols).
  float missing_penalty = 7.f;
  // The output tape must be written at a step where the steps left equal the symbols still due (the
  // authors' output constraint); then no symbol goes missing and the rewards are the written symbols' log p.
  bool forced_writes = true;
  float log_prob_eps = 1e-8f;  // log(p + eps) keeps the moves' log-probabilities finite
  // Multiplies the logits of the moves and the write decision, so the policy learns action_scale^2 as fast
  // as the symbols under one learning rate and keeps exploring (the authors' code: action_slowdown, 0.1 by
  // default, 0.01 for Reverse).
  float action_scale = 1.f;
  // The per-step baseline also reads the symbols still due and the steps left (the authors' baseline reads
  // the whole input tape first), not only the controller state, which early on does not know the length.
  bool baseline_progress = true;
  // Cells the controller reads on each side of a head, besides the one under it (the authors' code reads
  // +-2 input cells and +-2..3 memory cells); beyond the input's ends it reads the end marker, beyond the
  // memory's zeros. The direct connections still take the cell under the head only.
  int input_window = 0;
  int memory_window = 0;
  // Direct controller only. state_to_output false: the output symbol comes from the tapes alone (the input
  // symbol and the memory cell under the heads), not from the controller state, so the controller cannot
  // answer from what it memorised and must move the heads to where the answer is (with the state it
  // memorises short inputs: Reverse then never learns to walk back). direct_gates: each of the two direct
  // connections is scaled by a sigmoid gate on the controller state (the authors' "super direct"), so the
  // controller chooses which tape speaks.
  bool state_to_output = true;
  bool direct_gates = false;
};

// The option only the direct controller has that `o` sets for the LSTM controller (direct_gates, or
// state_to_output: false), or nullptr when the options agree.
inline const char* option_needing_direct_controller(const RlNtmOptions& o) {
  if (o.controller == RlControllerKind::Direct) return nullptr;
  if (o.direct_gates) return "direct_gates";
  if (!o.state_to_output) return "state_to_output";
  return nullptr;
}

}  // namespace mann
