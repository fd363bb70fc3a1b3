#include "datasets/algorithmic/copy_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

CopyTask::CopyTask(const CopyTaskOptions& o)
    : SequenceTask(
          {o.min_length, o.max_length},
          sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, {o.min_length, o.max_length})),
      bits_(o.bits) {
  if (bits_ < 1) throw UserError("copy task: bits must be >= 1, got " + std::to_string(bits_));
  check_ranges();
}

SequenceBatch CopyTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  check_range(lengths, "requested");
  const std::vector<int> len = sequence_detail::draw_lengths(batch, rng, lengths);
  const int steps = 2 * *std::max_element(len.begin(), len.end()) + 1;
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  for (int b = 0; b < batch; ++b) {
    const int L = len[b];
    for (int t = 0; t < L; ++t) {
      const std::vector<float> v = sequence_detail::random_bits(rng, bits_);
      for (int i = 0; i < bits_; ++i) {
        sb.inputs[t](b, i) = v[i];
        sb.targets[L + 1 + t](b, i) = v[i];
      }
      sb.masks[L + 1 + t](b, 0) = 1.f;
    }
    sb.inputs[L](b, bits_) = 1.f;
    sb.lengths[b] = L;
    sb.steps[b] = 2 * L + 1;
  }
  return sb;
}

}  // namespace mann
