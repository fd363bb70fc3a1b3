#include "framework/train/objective.h"

#include <algorithm>
#include <stdexcept>

#include "framework/autodiff/ops.h"
#include "framework/train/reinforce.h"

namespace mann {
namespace {

const std::vector<std::string> kPolicyMetrics = {"policy_entropy", "mean_reward", "grad_variance"};

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

Objective::Objective(std::vector<std::string> task_metric_names, bool has_hard_modules, float entropy_weight)
    : task_names_(std::move(task_metric_names)),
      names_(task_names_),
      hard_(has_hard_modules),
      entropy_weight_(entropy_weight) {
  if (hard_) names_.insert(names_.end(), kPolicyMetrics.begin(), kPolicyMetrics.end());
}

Var Objective::loss(Tape& tape, Var task_loss, Metrics task_metrics, const PolicyLog& policy,
                    const std::function<Matrix()>& rewards, Metrics& metrics) const {
  // Compared in place: this runs every training step, and builds the message only when it fails.
  const bool as_declared =
      task_metrics.size() == task_names_.size() &&
      std::equal(task_metrics.begin(), task_metrics.end(), task_names_.begin(),
                 [](const auto& metric, const std::string& name) { return metric.first == name; });
  if (!as_declared) {
    std::vector<std::string> given;
    for (const auto& metric : task_metrics) given.push_back(metric.first);
    throw std::logic_error("objective: the step reports metrics (" + joined(given) + ") but declared (" +
                           joined(task_names_) + ")");
  }
  metrics = std::move(task_metrics);
  if (!hard_) return task_loss;
  const ReinforceLoss r = reinforce_surrogate(tape, policy, rewards(), entropy_weight_);
  metrics.insert(metrics.end(), {{kPolicyMetrics[0], r.mean_entropy},
                                 {kPolicyMetrics[1], r.mean_reward},
                                 {kPolicyMetrics[2], r.gradient_variance}});
  return add(task_loss, r.loss);
}

}  // namespace mann
