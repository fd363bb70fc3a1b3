#include "datasets/algorithmic/associative_recall_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

AssociativeRecallTask::AssociativeRecallTask(const AssociativeRecallTaskOptions& o)
    : SequenceTask(
          {o.min_items, o.max_items},
          sequence_detail::eval_or_train(o.eval_min_items, o.eval_max_items, {o.min_items, o.max_items})),
      bits_(o.bits),
      item_length_(o.item_length) {
  if (bits_ < 1 || item_length_ < 1) {
    throw UserError("associative_recall task: bits and item_length must be >= 1, got bits=" +
                    std::to_string(bits_) + ", item_length=" + std::to_string(item_length_));
  }
  // Distinct items need at least max_items different bit patterns.
  const int pattern_bits = std::min(bits_ * item_length_, 30);
  if ((1 << pattern_bits) < std::max(train_lengths().max, eval_lengths().max)) {
    throw UserError("associative_recall task: too few bit patterns for distinct items");
  }
  check_ranges();
}

SequenceBatch AssociativeRecallTask::sample(int batch, Rng& rng, const LengthRange& items) const {
  check_range(items, "requested");
  const std::vector<int> counts = sequence_detail::draw_lengths(batch, rng, items);
  const int I = item_length_;
  const int item_size = I * bits_;
  const int steps = *std::max_element(counts.begin(), counts.end()) * (I + 1) + 2 * I + 2;
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  for (int b = 0; b < batch; ++b) {
    const int n = counts[b];
    std::vector<std::vector<float>> list;
    while (static_cast<int>(list.size()) < n) {
      std::vector<float> item = sequence_detail::random_bits(rng, item_size);
      if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
    }
    for (int k = 0; k < n; ++k) {
      const int s = k * (I + 1);
      sb.inputs[s](b, bits_) = 1.f;
      for (int v = 0; v < I; ++v)
        for (int i = 0; i < bits_; ++i) sb.inputs[s + 1 + v](b, i) = list[k][v * bits_ + i];
    }
    const int q = rng.uniform_int(n - 1);
    const int q0 = n * (I + 1);
    sb.inputs[q0](b, bits_ + 1) = 1.f;
    sb.inputs[q0 + I + 1](b, bits_ + 1) = 1.f;
    for (int v = 0; v < I; ++v) {
      for (int i = 0; i < bits_; ++i) {
        sb.inputs[q0 + 1 + v](b, i) = list[q][v * bits_ + i];
        sb.targets[q0 + I + 2 + v](b, i) = list[q + 1][v * bits_ + i];
      }
      sb.masks[q0 + I + 2 + v](b, 0) = 1.f;
    }
    sb.lengths[b] = n;
    sb.steps[b] = q0 + 2 * I + 2;
  }
  return sb;
}

}  // namespace mann
