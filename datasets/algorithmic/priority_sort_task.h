#pragma once
// Priority sort (NTM paper, sec. 4.5): read vectors each tagged with a scalar priority, then output the
// highest-priority ones in order of decreasing priority.
#include "datasets/algorithmic/sequence_task.h"

namespace mann {

struct PrioritySortTaskOptions {
  int bits = 8;
  int min_length = 20;  // number of input vectors
  int max_length = 20;
  int output_count = 16;    // vectors to output (capped at the input length)
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
};

// Input width bits + 2: channels [0, bits) vector, channel `bits` its priority, uniform in [-1, 1],
// channel `bits`+1 the delimiter flag. Output width bits. For L inputs and K = min(output_count, L):
//   steps 0..L-1 inputs, step L delimiter, steps L+1..L+K the K highest-priority vectors, highest first
//   (mask 1). L+K+1 steps in all.
class PrioritySortTask : public SequenceTask {
 public:
  explicit PrioritySortTask(const PrioritySortTaskOptions& options = {});

  std::string name() const override { return "priority_sort"; }
  int input_width() const override { return bits_ + 2; }
  int output_width() const override { return bits_; }
  int output_count() const { return output_count_; }
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const override;

 private:
  int bits_;
  int output_count_;
};

}  // namespace mann
