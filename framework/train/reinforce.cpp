#include "framework/train/reinforce.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/train/reinforce_baseline.h"

namespace mann {

ReinforceLoss reinforce_surrogate(Tape& tape, const PolicyLog& log, const Matrix& rewards,
                                  float entropy_weight) {
  ReinforceLoss out;
  const Index batch = rewards.rows();
  if (rewards.cols() != 1)
    throw ShapeError("reinforce_surrogate: rewards " + shape_string(rewards) + " should be (B x 1)");
  out.mean_reward = batch > 0 ? rewards.mean() : 0.f;
  out.loss = tape.constant(1, 1, 0.f);
  if (log.entries.empty()) return out;

  double baseline_sum = 0, entropy_sum = 0, variance_sum = 0;
  int variance_terms = 0;
  // Each baseline moves once a batch, by the rewards of the first choice it served (those the batch's
  // choices are credited, unless a choice has its own: a per-step baseline sees its step's).
  std::vector<std::pair<ReinforceBaseline*, const Matrix*>> seen;
  for (const PolicyLog::Entry& e : log.entries) {
    if (e.log_prob.rows() != batch || e.log_prob.cols() != 1)
      throw ShapeError("reinforce_surrogate: log_prob " + shape_string(e.log_prob.value()) + " of '" +
                       e.module + "' does not match rewards " + shape_string(rewards));
    const Matrix& reward = e.credited_reward.size() > 0 ? e.credited_reward : rewards;
    if (reward.rows() != batch || reward.cols() != 1)
      throw ShapeError("reinforce_surrogate: credited reward " + shape_string(reward) + " of '" + e.module +
                       "' should be (B x 1)");
    Matrix advantage = reward;
    if (e.baseline_value.valid()) {
      advantage -= e.baseline_value.value();
      baseline_sum += e.baseline_value.value().mean();
      if (e.baseline) {
        Var regression = e.baseline->regression_loss(e.baseline_value, reward);
        if (regression.valid()) {
          out.loss = out.loss + regression;
          out.baseline_loss += regression.item();
        }
      }
    }
    // -mean_b A_b log p_b: its gradient is the (negated) REINFORCE estimate.
    out.loss = out.loss - mean(mul(tape.constant(advantage), e.log_prob));
    if (e.entropy.valid()) {
      entropy_sum += e.entropy.value().mean();
      if (entropy_weight != 0.f) out.loss = out.loss - scale(mean(e.entropy), entropy_weight);
    }
    if (e.logit_score.rows() == batch && batch >= 2) {
      const Matrix g = e.logit_score.array().colwise() * advantage.col(0).array();
      const Eigen::RowVectorXf centre = g.colwise().mean();
      variance_sum += (g.rowwise() - centre).rowwise().squaredNorm().mean();
      ++variance_terms;
    }
    if (e.baseline &&
        std::none_of(seen.begin(), seen.end(), [&](const auto& s) { return s.first == e.baseline; }))
      seen.emplace_back(e.baseline, &reward);
    tape.settle_loss_term(e.module);  // the module's choices now have their term in the loss
  }
  const double entries = static_cast<double>(log.entries.size());
  out.mean_baseline = static_cast<float>(baseline_sum / entries);
  out.mean_advantage = out.mean_reward - out.mean_baseline;
  out.mean_entropy = static_cast<float>(entropy_sum / entries);
  out.gradient_variance = variance_terms > 0 ? static_cast<float>(variance_sum / variance_terms)
                                             : std::numeric_limits<float>::quiet_NaN();
  for (const auto& [baseline, baseline_rewards] : seen) baseline->update(*baseline_rewards);
  return out;
}

}  // namespace mann
