#pragma once
// The RL-NTM paper's normalised 0-1 loss: per example, wrong or missing output symbols over the target's
// length, averaged over the examples. What the episode reports and the paper's curriculum compares.
#include <cstddef>
#include <span>

namespace mann {

/// Mean over examples of errors[b] / target_lengths[b]; 0 for no examples. The spans have one entry per
/// example.
inline double normalised_zero_one_loss(std::span<const double> errors, std::span<const int> target_lengths) {
  double sum = 0;
  for (size_t b = 0; b < errors.size(); ++b) sum += errors[b] / target_lengths[b];
  return errors.empty() ? 0.0 : sum / static_cast<double>(errors.size());
}

}  // namespace mann
