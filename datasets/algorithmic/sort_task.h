#pragma once
// Sort: read a sequence of integers written in binary, then output them in ascending order. A plain
// sorting task without priorities (the numbers are their own keys).
#include "datasets/algorithmic/sequence_task.h"

namespace mann {

struct SortTaskOptions {
  int bits = 8;  // values uniform in [0, 2^bits)
  int min_length = 1;
  int max_length = 20;
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
};

// Values are written most-significant bit first: channel i holds bit (bits-1-i). Input width bits + 1,
// channel `bits` the delimiter flag; output width bits. For L numbers:
//   steps 0..L-1 inputs, step L delimiter, steps L+1..2L the numbers in ascending order (mask 1).
class SortTask : public SequenceTask {
 public:
  explicit SortTask(const SortTaskOptions& options = {});

  std::string name() const override { return "sort"; }
  int input_width() const override { return bits_ + 1; }
  int output_width() const override { return bits_; }
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const override;

  // Decodes channels [0, bits) of row `row` of `m` (values rounded at 0.5).
  int decode(const Matrix& m, Index row) const;

 private:
  int bits_;
};

}  // namespace mann
