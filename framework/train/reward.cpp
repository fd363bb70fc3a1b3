#include "framework/train/reward.h"

#include <cmath>

#include "framework/autodiff/errors.h"

namespace mann {

Matrix classification_rewards(RewardKind kind, const Matrix& logits, const std::vector<int>& targets) {
  if (static_cast<size_t>(logits.rows()) != targets.size())
    throw ShapeError("classification_rewards: " + std::to_string(logits.rows()) + " rows of logits for " +
                     std::to_string(targets.size()) + " targets");
  Matrix rewards(logits.rows(), 1);
  for (Eigen::Index b = 0; b < logits.rows(); ++b) {
    const int target = targets[static_cast<size_t>(b)];
    if (kind == RewardKind::kCorrect) {
      Eigen::Index best = 0;
      logits.row(b).maxCoeff(&best);
      rewards(b, 0) = best == target ? 1.f : 0.f;
      continue;
    }
    // log-softmax of the target, shifted by the row maximum for stability
    const float top = logits.row(b).maxCoeff();
    const float log_norm = top + std::log((logits.row(b).array() - top).exp().sum());
    const float log_p = logits(b, target) - log_norm;
    rewards(b, 0) = kind == RewardKind::kLogLikelihood ? log_p : std::exp(log_p);
  }
  return rewards;
}

}  // namespace mann
