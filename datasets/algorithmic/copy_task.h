#pragma once
// Copy (NTM paper, sec. 4.1): read a sequence of random bit vectors, then a delimiter, then reproduce the
// sequence while the input is all zeros.
#include "datasets/algorithmic/sequence_task.h"

namespace mann {

struct CopyTaskOptions {
  int bits = 8;
  int min_length = 1;
  int max_length = 20;
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
};

// Input width bits + 1: channels [0, bits) carry the vector, channel `bits` is the delimiter flag, set
// alone on the step after the sequence. Output width bits. For an example of length L:
//   steps 0..L-1 input vectors, step L delimiter, steps L+1..2L targets (mask 1); 2L+1 steps in all.
class CopyTask : public SequenceTask {
 public:
  explicit CopyTask(const CopyTaskOptions& options = {});

  std::string name() const override { return "copy"; }
  int input_width() const override { return bits_ + 1; }
  int output_width() const override { return bits_; }
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const override;

 private:
  int bits_;
};

}  // namespace mann
