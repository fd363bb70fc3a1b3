#include "framework/train/reinforce_baseline.h"

#include "framework/autodiff/ops.h"

namespace mann {

Var EmaBaseline::value(Tape& tape, Var features) {
  return tape.constant(features.rows(), 1, average_);
}

void EmaBaseline::update(const Matrix& rewards) {
  if (rewards.size() == 0) return;
  const float batch_mean = rewards.mean();
  average_ = initialised_ ? decay_ * average_ + (1.f - decay_) * batch_mean : batch_mean;
  initialised_ = true;
}

LearnedBaseline::LearnedBaseline(const ParamScope& scope, Index feature_width, Rng& rng,
                                 const LearnedBaselineOptions& options)
    : options_(options), head_(scope, feature_width, 1, rng, {.weight_init = Init::zeros()}) {}

Var LearnedBaseline::value(Tape& tape, Var features) {
  // The baseline must not shape the policy's features: it only reads them.
  return head_(tape, stop_gradient(features));
}

Var LearnedBaseline::regression_loss(Var value, const Matrix& rewards) {
  return scale(mse(value, rewards), options_.loss_weight);
}

}  // namespace mann
