#pragma once
// The record of the choices stochastic modules made during a training forward pass (the discrete slots of
// hard attention, the continuous locations of gaussian_location.h): what REINFORCE needs to turn
// per-example rewards into a gradient (see framework/train/reinforce.h).
#include <string>
#include <vector>

#include "framework/autodiff/tape.h"

namespace mann {

class ReinforceBaseline;

struct PolicyLog {
  struct Entry {
    std::string module;  // the module's scope path (and record name, if any), for diagnostics
    Var log_prob;        // (B x 1): log-probability of this choice, summed over its k samples
    Var entropy;         // (B x 1): entropy of the distribution the choice was drawn from
    ReinforceBaseline* baseline = nullptr;  // may be null: no baseline (advantage = reward)
    Var baseline_value;  // (B x 1) baseline prediction recorded at choice time; invalid without baseline
    // (B x N) gradient of log_prob w.r.t. what the distribution is computed from: the logits it is a
    // softmax of (hard: counts - k * p), or a Gaussian's mean ((l - mean) / stddev^2); used only for the
    // gradient-variance diagnostic. Empty (0 x 0) when unknown.
    Matrix logit_score;
    // (B x 1) the reward credited to this choice alone, e.g. the rewards that followed it in an episode
    // (RL-NTM); empty (0 x 0): the batch's per-example rewards, as for every choice of a forward pass.
    Matrix credited_reward;
  };
  std::vector<Entry> entries;

  void clear() { entries.clear(); }
  bool empty() const { return entries.empty(); }
};

}  // namespace mann
