#pragma once
// Repeat copy (NTM paper, sec. 4.2): read a sequence and a repeat count, output the sequence that many
// times, then an end marker; the model has to count to know when to stop.
#include "datasets/algorithmic/sequence_task.h"

namespace mann {

struct RepeatCopyTaskOptions {
  int bits = 8;
  int min_length = 1;
  int max_length = 10;
  int min_repeats = 1;
  int max_repeats = 10;     // also the normaliser of the count channel
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
  int eval_min_repeats = 0;  // 0/0: same as training
  int eval_max_repeats = 0;
};

// Input width bits + 2: channels [0, bits) vector, channel `bits` delimiter flag, channel `bits`+1 the
// repeat count R / max_repeats (training maximum, so longer evaluation counts exceed 1).
// Output width bits + 1: channel `bits` is the end marker. For length L and R repeats:
//   steps 0..L-1 input vectors, step L delimiter, step L+1 count,
//   steps L+2..L+1+R*L targets (the sequence R times), step L+2+R*L end marker; mask 1 on L+2..L+2+R*L.
class RepeatCopyTask : public SequenceTask {
 public:
  explicit RepeatCopyTask(const RepeatCopyTaskOptions& options = {});

  std::string name() const override { return "repeat_copy"; }
  int input_width() const override { return bits_ + 2; }
  int output_width() const override { return bits_ + 1; }
  // Repeats drawn from the training repeat range.
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const override;
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths, const LengthRange& repeats) const;
  SequenceBatch sample_train(int batch, Rng& rng) const override;
  SequenceBatch sample_eval(int batch, Rng& rng) const override;

  const LengthRange& train_repeats() const { return train_repeats_; }
  const LengthRange& eval_repeats() const { return eval_repeats_; }
  void set_train_repeats(LengthRange r);
  void set_eval_repeats(LengthRange r);
  float repeat_normaliser() const { return static_cast<float>(normaliser_); }

 private:
  int bits_;
  int normaliser_;
  LengthRange train_repeats_;
  LengthRange eval_repeats_;
};

}  // namespace mann
