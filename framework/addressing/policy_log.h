#pragma once
// The record of the discrete choices a stochastic (hard) attention module made during a training forward
// pass: what REINFORCE needs to turn per-example rewards into a gradient (see framework/train/reinforce.h).
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
    // (B x N) gradient of log_prob w.r.t. the logits the distribution is a softmax of (counts - k * p);
    // used only for the gradient-variance diagnostic. Empty (0 x 0) when unknown.
    Matrix logit_score;
  };
  std::vector<Entry> entries;

  void clear() { entries.clear(); }
  bool empty() const { return entries.empty(); }
};

}  // namespace mann
