#include "framework/train/reinforce_objective.h"

#include "framework/autodiff/ops.h"
#include "framework/train/reinforce.h"

namespace mann {

const std::vector<std::string>& reinforce_metric_names() {
  static const std::vector<std::string> names = {"policy_entropy", "mean_reward", "grad_variance"};
  return names;
}

std::vector<std::string> with_reinforce_metric_names(std::vector<std::string> names, bool needs_reinforce) {
  if (needs_reinforce)
    names.insert(names.end(), reinforce_metric_names().begin(), reinforce_metric_names().end());
  return names;
}

Var add_reinforce_term(Tape& tape, Var task_loss, const PolicyLog& policy, const Matrix& rewards,
                       float entropy_weight, Metrics& metrics) {
  const ReinforceLoss r = reinforce_surrogate(tape, policy, rewards, entropy_weight);
  const std::vector<std::string>& names = reinforce_metric_names();
  metrics.insert(metrics.end(),
                 {{names[0], r.mean_entropy}, {names[1], r.mean_reward}, {names[2], r.gradient_variance}});
  return add(task_loss, r.loss);
}

}  // namespace mann
