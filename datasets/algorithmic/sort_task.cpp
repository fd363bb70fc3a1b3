#include "datasets/algorithmic/sort_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

SortTask::SortTask(const SortTaskOptions& o)
    : SequenceTask(
          {o.min_length, o.max_length},
          sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, {o.min_length, o.max_length})),
      bits_(o.bits) {
  // 30 bits keeps values and uniform_int's argument inside int.
  if (bits_ < 1 || bits_ > 30)
    throw UserError("sort task: bits must be in [1, 30], got " + std::to_string(bits_));
  check_ranges();
}

int SortTask::decode(const Matrix& m, Index row) const {
  int value = 0;
  for (int i = 0; i < bits_; ++i) value = (value << 1) | (m(row, i) > 0.5f ? 1 : 0);
  return value;
}

SequenceBatch SortTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  check_range(lengths, "requested");
  const std::vector<int> len = sequence_detail::draw_lengths(batch, rng, lengths);
  const int steps = 2 * *std::max_element(len.begin(), len.end()) + 1;
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  auto write = [this](Matrix& m, int b, int value) {
    for (int i = 0; i < bits_; ++i) m(b, i) = static_cast<float>((value >> (bits_ - 1 - i)) & 1);
  };
  for (int b = 0; b < batch; ++b) {
    const int L = len[b];
    std::vector<int> values(L);
    for (int t = 0; t < L; ++t) {
      values[t] = rng.uniform_int(1 << bits_);
      write(sb.inputs[t], b, values[t]);
    }
    sb.inputs[L](b, bits_) = 1.f;
    std::sort(values.begin(), values.end());
    for (int t = 0; t < L; ++t) {
      write(sb.targets[L + 1 + t], b, values[t]);
      sb.masks[L + 1 + t](b, 0) = 1.f;
    }
    sb.lengths[b] = L;
    sb.steps[b] = 2 * L + 1;
  }
  return sb;
}

}  // namespace mann
