#pragma once
// The RL-NTM (Zaremba & Sutskever 2015): an LSTM controller working three tapes step by step.
//   input tape   a head over the input symbols (the end marker past the last one and before the first),
//                starting on the first symbol, moved -1/0/+1, or 0/+1 when forward-only;
//   memory tape  cells of memory_width reals (zeros at first), a head starting mid-tape moved -1/0/+1;
//                every step writes the controller's vector tanh(W h) (direct: tanh(W h + U x), x the input
//                symbol) into the cell under the head before it moves;
//   output tape  each step decides to write or not; a written symbol is the softmax prediction of the
//                output layer, scored against the next symbol the task expects.
// The controller reads the symbol under the input head, the memory cell under the memory head (each with
// input_window / memory_window neighbours on either side) and its own previous actions. The moves and the
// write decision are sampled (REINFORCE, logged in the PolicyLog with a per-step baseline from the controller
// state); the symbols are trained by cross-entropy.
#include <memory>
#include <optional>
#include <vector>

#include "datasets/rl_tapes/symbol_tape_task.h"
#include "framework/addressing/addressing_module.h"
#include "framework/nn/linear.h"
#include "framework/nn/lstm_cell.h"
#include "framework/train/reinforce_baseline.h"
#include "models/rl_ntm/action_head.h"
#include "models/rl_ntm/rl_ntm_options.h"

namespace mann {

// What one batch of episodes did.
struct RlNtmEpisode {
  Var symbol_loss;      // 1x1: cross-entropy (nats) of the written symbols, summed per example, batch mean
  Matrix step_rewards;  // (B x T): what each step earned (log p(correct symbol), penalties)
  Matrix total_reward;  // (B x 1): row sums of step_rewards
  std::vector<double> errors;  // per example: wrong written symbols + symbols never written
  std::vector<int> target_lengths;
  // Per step and example, for the views: the heads' cells (input: 0 is the end marker left of the first
  // symbol) and whether the output tape was written (-1 once the example's episode is over).
  std::vector<std::vector<int>> input_positions, memory_positions, writes;
  // Per step: the PolicyLog entries the step's actions logged (empty when not training).
  std::vector<std::vector<int>> step_entries;

  // Mean over examples of errors / target length: the paper's normalised 0-1 loss.
  double error_rate() const;
  // Fraction of examples without an error.
  double all_right() const;
};

class RlNtmModel : public Module {
 public:
  /// `classes`: the output symbols (the task's alphabet and its end marker); input symbols are the same.
  RlNtmModel(const ParamScope& scope, int classes, const RlNtmOptions& options, Rng& rng);

  /// Runs the episodes of a batch. Training (ctx.training) samples the actions, owes and logs their
  /// REINFORCE terms in ctx.policy, each step's first entry carrying the per-step baseline; afterwards the
  /// caller credits each step the rewards from that step on (credit_rewards).
  RlNtmEpisode run(Tape& tape, const SymbolTapes& tapes, AddressingContext& ctx) const;
  /// Sets every logged entry's credited reward to the rewards of its step and the steps after it.
  static void credit_rewards(const RlNtmEpisode& episode, PolicyLog& policy);

  const RlNtmOptions& options() const { return options_; }
  /// The per-step baseline (a value head on the controller state).
  ReinforceBaseline* baseline() const { return baseline_.get(); }
  /// The baseline's parameters (its value head), which have their own gradient limit.
  std::vector<Parameter*> baseline_parameters() const;

 private:
  int input_moves() const { return options_.forward_only_input ? 2 : 3; }
  // Gives the step's logged entries (indices into ctx.policy) the baseline's value on the controller state.
  void attach_step_baseline(Tape& tape, Var state, const std::vector<int>& entries,
                            AddressingContext& ctx) const;
  // For the examples that wrote (expected[b] >= 0: the symbol due), records the step's reward and errors in
  // ep and returns the summed cross-entropy of the written symbols.
  Var score_written(Var logits, const std::vector<int>& expected, int step, RlNtmEpisode& ep) const;

  std::string baseline_scope_;  // where the baseline's parameters live
  int classes_;
  RlNtmOptions options_;
  LSTMCell controller_;
  ActionHead input_move_, memory_move_, write_;
  std::optional<Linear> symbol_;  // the controller state's connection to the output (state_to_output)
  Linear memory_vector_;
  std::optional<Linear> direct_gates_;   // (hidden -> 2): the gates on the input and memory connections
  std::optional<Linear> direct_;         // the direct-access controller's input-to-output connection
  std::optional<Linear> direct_memory_;  // and its memory-to-output one (the memory cell under the head)
  // and its input-to-memory one: the written vector is tanh(W h + U x), so a cell can hold the input
  // symbol itself (the authors' direct controller writes input symbols into memory through a gate)
  std::optional<Linear> direct_to_memory_;
  std::unique_ptr<ReinforceBaseline> baseline_;
};

}  // namespace mann
