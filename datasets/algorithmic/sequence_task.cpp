#include "datasets/algorithmic/sequence_task.h"

#include <algorithm>
#include <stdexcept>

#include "framework/autodiff/errors.h"

namespace mann {

void check_length_range(const std::string& task, const LengthRange& r, const char* what, int min_allowed) {
  if (r.min < min_allowed || r.max < r.min) {
    throw UserError(task + " task: " + what + " length range [" + std::to_string(r.min) + ", " +
                    std::to_string(r.max) + "] is invalid (need " + std::to_string(min_allowed) +
                    " <= min <= max)");
  }
}

void SequenceTask::check_range(const LengthRange& r, const char* what) const {
  check_length_range(name(), r, what, min_allowed_length());
}

void SequenceTask::check_ranges() const {
  check_range(train_lengths_, "training");
  check_range(eval_lengths_, "evaluation");
}

void SequenceTask::set_train_lengths(LengthRange r) {
  check_range(r, "training");
  train_lengths_ = r;
}

void SequenceTask::set_eval_lengths(LengthRange r) {
  check_range(r, "evaluation");
  eval_lengths_ = r;
}

void SequenceTask::set_max_length(int max_length) {
  LengthRange r = train_lengths_;
  r.max = max_length;
  r.min = std::min(r.min, max_length);
  set_train_lengths(r);
}

SequenceBatch slice_examples(const SequenceBatch& batch, int first, int count) {
  SequenceBatch slice;
  slice.batch = count;
  const auto rows = [&](const std::vector<Matrix>& steps, std::vector<Matrix>& out) {
    for (const Matrix& m : steps) out.push_back(m.middleRows(first, count));
  };
  rows(batch.inputs, slice.inputs);
  rows(batch.targets, slice.targets);
  rows(batch.masks, slice.masks);
  const auto examples = [&](const std::vector<int>& v) {
    return v.empty() ? v : std::vector<int>(v.begin() + first, v.begin() + first + count);
  };
  slice.lengths = examples(batch.lengths);
  slice.steps = examples(batch.steps);
  return slice;
}

namespace sequence_detail {

std::vector<int> draw_lengths(int batch, Rng& rng, const LengthRange& r) {
  if (batch < 1) throw std::invalid_argument("sequence task: batch size must be >= 1");
  std::vector<int> lengths(batch);
  for (int& l : lengths) l = r.min + rng.uniform_int(r.max - r.min + 1);
  return lengths;
}

SequenceBatch make_zero_batch(int batch, int steps, int in_width, int out_width) {
  SequenceBatch sb;
  sb.batch = batch;
  sb.inputs.assign(steps, Matrix::Zero(batch, in_width));
  sb.targets.assign(steps, Matrix::Zero(batch, out_width));
  sb.masks.assign(steps, Matrix::Zero(batch, 1));
  sb.lengths.assign(batch, 0);
  sb.steps.assign(batch, 0);
  return sb;
}

std::vector<float> random_bits(Rng& rng, int bits) {
  std::vector<float> v(bits);
  for (float& x : v) x = rng.bernoulli(0.5f) ? 1.f : 0.f;
  return v;
}

LengthRange eval_or_train(int eval_min, int eval_max, const LengthRange& train) {
  if (eval_min == 0 && eval_max == 0) return train;
  return LengthRange{eval_min, eval_max};
}

}  // namespace sequence_detail

}  // namespace mann
