#include "framework/train/reinforce_baseline.h"

#include "framework/autodiff/ops.h"
#include "framework/distributed/world.h"

namespace mann {

EmaBaseline::EmaBaseline(float decay) : decay_(decay), own_state_(Matrix::Zero(1, 2)), state_(&own_state_) {}

EmaBaseline::EmaBaseline(const ParamScope& scope, float decay)
    : decay_(decay),
      state_(&scope
                  .add_buffer("ema", Matrix::Zero(1, 2),
                              "checkpoints written before the average was saved lack it; it then restarts "
                              "from zero, as it did on every resume then")
                  .value) {}

Var EmaBaseline::value(Tape& tape, Var features) {
  return tape.constant(features.rows(), 1, average());
}

void EmaBaseline::update(const Matrix& rewards) {
  distributed::Communicator& comm = distributed::world();
  float batch_mean = 0.f;
  if (comm.size() == 1) {
    if (rewards.size() == 0) return;
    batch_mean = rewards.mean();
  } else {
    // Data-parallel: every rank holds a shard of the batch; the average moves by the whole batch's mean,
    // so it stays the same on every rank.
    double sum_and_count[2] = {static_cast<double>(rewards.sum()), static_cast<double>(rewards.size())};
    comm.allreduce_sum(std::span<double>(sum_and_count));
    if (sum_and_count[1] == 0) return;
    batch_mean = static_cast<float>(sum_and_count[0] / sum_and_count[1]);
  }
  (*state_)(0, 0) = initialised() ? decay_ * average() + (1.f - decay_) * batch_mean : batch_mean;
  (*state_)(0, 1) = 1.f;
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

std::unique_ptr<ReinforceBaseline> make_baseline(BaselineKind kind, const ParamScope& scope,
                                                 Index feature_width, Rng& rng, float ema_decay,
                                                 const LearnedBaselineOptions& learned) {
  switch (kind) {
    case BaselineKind::None:
      return nullptr;
    case BaselineKind::Ema:
      return std::make_unique<EmaBaseline>(scope, ema_decay);
    case BaselineKind::Learned:
      return std::make_unique<LearnedBaseline>(scope, feature_width, rng, learned);
  }
  return nullptr;
}

}  // namespace mann
