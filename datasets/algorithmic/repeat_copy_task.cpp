#include "datasets/algorithmic/repeat_copy_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

void check_repeats(const LengthRange& r, const char* what) {
  if (r.min < 1 || r.max < r.min) {
    throw UserError(std::string("repeat_copy task: ") + what + " repeat range [" + std::to_string(r.min) +
                    ", " + std::to_string(r.max) + "] is invalid (need 1 <= min <= max)");
  }
}

}  // namespace

RepeatCopyTask::RepeatCopyTask(const RepeatCopyTaskOptions& o)
    : SequenceTask(
          {o.min_length, o.max_length},
          sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, {o.min_length, o.max_length})),
      bits_(o.bits),
      normaliser_(o.max_repeats),
      train_repeats_{o.min_repeats, o.max_repeats},
      eval_repeats_(sequence_detail::eval_or_train(o.eval_min_repeats, o.eval_max_repeats,
                                                   {o.min_repeats, o.max_repeats})) {
  if (bits_ < 1) throw UserError("repeat_copy task: bits must be >= 1, got " + std::to_string(bits_));
  check_ranges();
  check_repeats(train_repeats_, "training");
  check_repeats(eval_repeats_, "evaluation");
}

void RepeatCopyTask::set_train_repeats(LengthRange r) {
  check_repeats(r, "training");
  train_repeats_ = r;
}

void RepeatCopyTask::set_eval_repeats(LengthRange r) {
  check_repeats(r, "evaluation");
  eval_repeats_ = r;
}

SequenceBatch RepeatCopyTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  return sample(batch, rng, lengths, train_repeats_);
}

SequenceBatch RepeatCopyTask::sample_train(int batch, Rng& rng) const {
  return sample(batch, rng, train_lengths(), train_repeats_);
}

SequenceBatch RepeatCopyTask::sample_eval(int batch, Rng& rng) const {
  return sample(batch, rng, eval_lengths(), eval_repeats_);
}

SequenceBatch RepeatCopyTask::sample(int batch, Rng& rng, const LengthRange& lengths,
                                     const LengthRange& repeats) const {
  check_range(lengths, "requested");
  check_repeats(repeats, "requested");
  const std::vector<int> len = sequence_detail::draw_lengths(batch, rng, lengths);
  const std::vector<int> reps = sequence_detail::draw_lengths(batch, rng, repeats);
  int steps = 0;
  for (int b = 0; b < batch; ++b) steps = std::max(steps, len[b] + 3 + reps[b] * len[b]);
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  for (int b = 0; b < batch; ++b) {
    const int L = len[b], R = reps[b];
    const int out0 = L + 2;  // first output step
    for (int t = 0; t < L; ++t) {
      const std::vector<float> v = sequence_detail::random_bits(rng, bits_);
      for (int i = 0; i < bits_; ++i) {
        sb.inputs[t](b, i) = v[i];
        for (int r = 0; r < R; ++r) sb.targets[out0 + r * L + t](b, i) = v[i];
      }
    }
    sb.inputs[L](b, bits_) = 1.f;
    sb.inputs[L + 1](b, bits_ + 1) = static_cast<float>(R) / repeat_normaliser();
    sb.targets[out0 + R * L](b, bits_) = 1.f;
    for (int t = out0; t <= out0 + R * L; ++t) sb.masks[t](b, 0) = 1.f;
    sb.lengths[b] = L;
    sb.steps[b] = L + 3 + R * L;
  }
  return sb;
}

}  // namespace mann
