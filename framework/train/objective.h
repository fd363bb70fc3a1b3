#pragma once
// The objective of a training step, the part of a learner between its model's forward pass and the
// trainer (Marian's "cost" beside its "model"): the task's loss and named metrics, plus, for a model with
// hard (stochastic) modules, the REINFORCE term of every choice they logged in this forward pass and the
// policy's metrics. Each learner holds one, built with its task metric names and whether its model has
// hard modules; metric_names() are the learner's training metrics (the metrics.csv columns).
//
// Forgetting the REINFORCE term cannot go unnoticed: a hard module that makes choices in a training forward
// pass notes on the tape that the loss owes a term for it, loss() settles it, and the trainer refuses a step
// whose loss leaves a term owed, naming the module (see Tape::owe_loss_term).
#include <functional>
#include <string>
#include <vector>

#include "framework/addressing/policy_log.h"
#include "framework/train/learner.h"

namespace mann {

class Objective {
 public:
  // task_metric_names: what loss() is given, in order ("loss" first by convention). has_hard_modules: the
  // model can log REINFORCE choices, so loss() adds their term and the policy metrics.
  // entropy_weight: REINFORCE's entropy bonus (see reinforce.h).
  Objective(std::vector<std::string> task_metric_names, bool has_hard_modules, float entropy_weight);

  // The training metrics loss() reports: the task's, then policy_entropy, mean_reward and grad_variance
  // when the model has hard modules.
  const std::vector<std::string>& metric_names() const { return names_; }
  // Whether loss() adds a REINFORCE term.
  bool has_hard_modules() const { return hard_; }

  // The step's loss: task_loss, plus for a model with hard modules the REINFORCE surrogate of every choice
  // in `policy`, each example rewarded by rewards() (B x 1, called only then). An empty policy (no hard
  // module ran, e.g. during MemN2N's linear start) adds a zero term and still reports the policy metrics.
  // `metrics` becomes task_metrics followed by the policy's. Throws std::logic_error when task_metrics are
  // not named as declared (the columns would be mislabelled).
  Var loss(Tape& tape, Var task_loss, Metrics task_metrics, const PolicyLog& policy,
           const std::function<Matrix()>& rewards, Metrics& metrics) const;

 private:
  std::vector<std::string> task_names_;
  std::vector<std::string> names_;
  bool hard_;
  float entropy_weight_;
};

}  // namespace mann
