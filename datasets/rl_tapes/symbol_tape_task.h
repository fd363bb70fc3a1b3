#pragma once
// The RL-NTM tasks (Zaremba & Sutskever 2015) over an alphabet of symbols: an input tape of symbols and the
// symbols the output tape must receive, ended by an end marker. The RL-NTM reads the tapes directly
// (sample_tapes); as a SequenceTask the same examples are one-hot time steps (input phase, a delimiter,
// output phase), so the soft NTM and the LSTM run on the very same task and alphabet.
#include <string>
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "datasets/rl_tapes/tape_task_kind.h"

namespace mann {

struct SymbolTapeTaskOptions {
  TapeTaskKind kind = TapeTaskKind::Copy;
  int alphabet = 30;   // symbols 0..alphabet-1 (the paper used 30); the end marker is `alphabet`
  int min_length = 1;  // C, the number of distinct input symbols (the curriculum's complexity)
  int max_length = 20;
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
  int duplicates = 3;   // DuplicatedInput: copies of each symbol on the input tape (the paper: 3)
  int max_repeats = 5;  // RepeatCopy: m is drawn uniformly in [1, max_repeats]; needs alphabet > max_repeats
};

// One batch of tapes: per example the input tape's symbols, the output it must produce (ending with the end
// marker) and its complexity C.
struct SymbolTapes {
  std::vector<std::vector<int>> inputs;
  std::vector<std::vector<int>> targets;
  std::vector<int> lengths;

  int batch() const { return static_cast<int>(inputs.size()); }
};

class SymbolTapeTask : public SequenceTask {
 public:
  explicit SymbolTapeTask(const SymbolTapeTaskOptions& options = {});

  /// The task's registered name, e.g. "rl_reverse".
  std::string name() const override;
  /// One-hot symbols plus the delimiter channel (index alphabet).
  int input_width() const override { return options_.alphabet + 1; }
  /// One-hot over the symbols and the end marker.
  int output_width() const override { return options_.alphabet + 1; }
  /// The tapes of sample_tapes() as one-hot time steps (see encode_as_sequence).
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const override;

  /// One example per entry of `lengths` (each a complexity C >= 1), symbols drawn through rng.
  SymbolTapes sample_tapes(const std::vector<int>& lengths, Rng& rng) const;
  /// The output the task asks for a given input tape (without drawing anything): what the tests check.
  std::vector<int> target_for(const std::vector<int>& input) const;
  /// Time-major one-hot steps: step t < |input| the input symbol, then the delimiter, then one step per
  /// target symbol (mask 1) with its one-hot target.
  SequenceBatch encode_as_sequence(const SymbolTapes& tapes) const;

  /// The end marker's index (the last output class).
  int end_marker() const { return options_.alphabet; }
  /// Whether the task asks for an input head that only moves forward (ForwardReverse).
  bool forward_only_input() const { return options_.kind == TapeTaskKind::ForwardReverse; }
  const SymbolTapeTaskOptions& options() const { return options_; }

 private:
  SymbolTapeTaskOptions options_;
};

}  // namespace mann
