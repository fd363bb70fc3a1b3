#pragma once
// The common interface of the algorithmic sequence tasks of the NTM paper (Graves et al. 2014): each
// task generates batches on the fly from an Rng, so the same seed gives the same batches.
#include <string>
#include <vector>

#include "framework/autodiff/matrix.h"
#include "framework/util/rng.h"

namespace mann {

// An inclusive range of the task's size parameter (sequence length, number of items...).
struct LengthRange {
  int min = 1;
  int max = 20;
};

// Throws UserError naming the task when `r` is empty or starts below min_allowed ("training", "evaluation").
void check_length_range(const std::string& task, const LengthRange& r, const char* what, int min_allowed);

// One batch, time-major: step t holds inputs[t] (B x input_width), targets[t] (B x output_width) and
// masks[t] (B x 1). Examples of different lengths are left-aligned and padded at the end with zero
// inputs, zero targets and zero masks; the mask is 1 exactly on the output phase of each example.
struct SequenceBatch {
  std::vector<Matrix> inputs;
  std::vector<Matrix> targets;
  std::vector<Matrix> masks;
  int batch = 0;
  std::vector<int> lengths;  // per example: the size parameter drawn for it
  std::vector<int> steps;    // per example: its number of real (unpadded) time steps

  int time_steps() const { return static_cast<int>(inputs.size()); }
};

// Examples [first, first + count) of a batch, with all its time steps (the padding stays masked out).
SequenceBatch slice_examples(const SequenceBatch& batch, int first, int count);

class SequenceTask {
 public:
  virtual ~SequenceTask() = default;

  virtual std::string name() const = 0;
  virtual int input_width() const = 0;
  virtual int output_width() const = 0;

  // A batch whose per-example sizes are drawn uniformly from `lengths`.
  virtual SequenceBatch sample(int batch, Rng& rng, const LengthRange& lengths) const = 0;
  // Virtual so that tasks with a second size parameter (repeat copy) draw it from the matching range too.
  virtual SequenceBatch sample_train(int batch, Rng& rng) const { return sample(batch, rng, train_lengths_); }
  virtual SequenceBatch sample_eval(int batch, Rng& rng) const { return sample(batch, rng, eval_lengths_); }

  const LengthRange& train_lengths() const { return train_lengths_; }
  const LengthRange& eval_lengths() const { return eval_lengths_; }
  void set_train_lengths(LengthRange r);
  void set_eval_lengths(LengthRange r);
  // Curriculum: raise (or lower) the training maximum; the minimum follows it down if needed.
  void set_max_length(int max_length);

 protected:
  // Derived constructors call check_ranges() once their own options are checked (no virtual calls here).
  SequenceTask(LengthRange train, LengthRange eval) : train_lengths_(train), eval_lengths_(eval) {}
  void check_ranges() const;
  // Throws UserError naming the task when a range is empty or below min_allowed_length().
  void check_range(const LengthRange& r, const char* what) const;
  virtual int min_allowed_length() const { return 1; }

 private:
  LengthRange train_lengths_;
  LengthRange eval_lengths_;
};

// Shared helpers for the task implementations.
namespace sequence_detail {

// Draws one size per example in [r.min, r.max].
std::vector<int> draw_lengths(int batch, Rng& rng, const LengthRange& r);
// Zero-filled batch of `steps` time steps; the caller writes the non-zero entries.
SequenceBatch make_zero_batch(int batch, int steps, int in_width, int out_width);
// `bits` fair random bits (0 or 1).
std::vector<float> random_bits(Rng& rng, int bits);
// An eval range of {0, 0} means "same as training".
LengthRange eval_or_train(int eval_min, int eval_max, const LengthRange& train);

}  // namespace sequence_detail

}  // namespace mann
