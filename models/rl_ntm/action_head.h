#pragma once
// One discrete action of the RL-NTM (a head move, write-or-not): a softmax over the controller state,
// sampled when training and logged for REINFORCE, its most likely value otherwise.
#include <string>
#include <vector>

#include "framework/addressing/addressing_module.h"
#include "framework/nn/linear.h"

namespace mann {

class ActionHead : public Module {
 public:
  /// A head choosing one of `actions` from a controller state of width `features`, parameters under scope;
  /// its logits are the linear layer's output times `logit_scale`.
  ActionHead(const ParamScope& scope, Index features, int actions, float logit_scale, Rng& rng);

  /// The choice of every active example (-1 for the others). When training, each active example draws from
  /// the softmax, the loss is owed a REINFORCE term for the head and, with ctx.policy, the choice is
  /// appended there; returns the index of that entry in ctx.policy (or -1) through logged_entry.
  /// forced (empty, or one per example): where forced[b] >= 0 the interface dictates that action; the
  /// example makes no choice there (a zero row in the logged entry: no REINFORCE term, no entropy).
  std::vector<int> choose(Tape& tape, Var state, const std::vector<bool>& active, AddressingContext& ctx,
                          float log_prob_eps, int& logged_entry, const std::vector<int>& forced = {}) const;
  /// The number of actions.
  int actions() const { return static_cast<int>(logits_.out_features()); }

 private:
  Linear logits_;
  // Scales the logits and so the policy's pace: its logits move logit_scale^2 times as fast as an
  // unscaled layer's under the same learning rate (the authors' code calls it action_slowdown).
  float logit_scale_;
};

}  // namespace mann
