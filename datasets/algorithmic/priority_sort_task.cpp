#include "datasets/algorithmic/priority_sort_task.h"

#include <algorithm>
#include <numeric>

#include "framework/autodiff/errors.h"

namespace mann {

PrioritySortTask::PrioritySortTask(const PrioritySortTaskOptions& o)
    : SequenceTask(
          {o.min_length, o.max_length},
          sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, {o.min_length, o.max_length})),
      bits_(o.bits),
      output_count_(o.output_count) {
  if (bits_ < 1 || output_count_ < 1) {
    throw UserError("priority_sort task: bits and output_count must be >= 1, got bits=" +
                    std::to_string(bits_) + ", output_count=" + std::to_string(output_count_));
  }
  check_ranges();
}

SequenceBatch PrioritySortTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  check_range(lengths, "requested");
  const std::vector<int> len = sequence_detail::draw_lengths(batch, rng, lengths);
  int steps = 0;
  for (int L : len) steps = std::max(steps, L + std::min(output_count_, L) + 1);
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  for (int b = 0; b < batch; ++b) {
    const int L = len[b], K = std::min(output_count_, L);
    std::vector<float> priority(L);
    for (int t = 0; t < L; ++t) {
      const std::vector<float> v = sequence_detail::random_bits(rng, bits_);
      for (int i = 0; i < bits_; ++i) sb.inputs[t](b, i) = v[i];
      priority[t] = rng.uniform(-1.f, 1.f);
      sb.inputs[t](b, bits_) = priority[t];
    }
    sb.inputs[L](b, bits_ + 1) = 1.f;
    // Stable, so the (unlikely) equal priorities keep input order and the target stays deterministic.
    std::vector<int> order(L);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return priority[x] > priority[y]; });
    for (int k = 0; k < K; ++k) {
      sb.targets[L + 1 + k].row(b) = sb.inputs[order[k]].row(b).head(bits_);
      sb.masks[L + 1 + k](b, 0) = 1.f;
    }
    sb.lengths[b] = L;
    sb.steps[b] = L + K + 1;
  }
  return sb;
}

}  // namespace mann
