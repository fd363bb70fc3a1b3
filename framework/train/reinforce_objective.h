#pragma once
// The REINFORCE part of a learner's objective, written once for every learner whose model has hard
// (stochastic) modules. A learner whose model declares such modules (needs_reinforce) appends
// reinforce_metric_names() to its training metric names and returns add_reinforce_term(...) as its loss.
//
// Forgetting it cannot go unnoticed: a hard module that makes choices in a training forward pass notes on
// the tape that the loss owes a REINFORCE term for it, reinforce_surrogate() settles that, and the trainer
// refuses a step whose loss leaves a term owed, naming the module (see Tape::owe_loss_term).
#include <string>
#include <vector>

#include "framework/addressing/policy_log.h"
#include "framework/train/learner.h"

namespace mann {

// The training metrics add_reinforce_term() appends, in order: policy_entropy, mean_reward, grad_variance.
const std::vector<std::string>& reinforce_metric_names();

// `names` with reinforce_metric_names() appended when the model has hard modules, else unchanged.
std::vector<std::string> with_reinforce_metric_names(std::vector<std::string> names, bool needs_reinforce);

// task_loss + the REINFORCE surrogate of every choice in `policy`, each example rewarded by rewards (B x 1)
// (see reinforce.h); appends the policy's metrics to `metrics` under reinforce_metric_names(). An empty
// policy (no hard module ran, e.g. during MemN2N's linear start) adds a zero term and still appends them.
Var add_reinforce_term(Tape& tape, Var task_loss, const PolicyLog& policy, const Matrix& rewards,
                       float entropy_weight, Metrics& metrics);

}  // namespace mann
