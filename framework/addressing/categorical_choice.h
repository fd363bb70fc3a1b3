#pragma once
// The PolicyLog entry of choices drawn from a categorical distribution, shared by every module that makes
// discrete choices REINFORCE trains (hard attention's slots, the RL-NTM's head moves): the differentiable
// log-probability of what was drawn, the distribution's entropy and the score used by the
// gradient-variance diagnostic.
#include <string>

#include "framework/addressing/policy_log.h"

namespace mann {

// probs (B x N): a softmax over logits (rows of zeros: nothing could be chosen). counts (B x N): how often
// each row drew each entry, one-hot for one draw, a zero row for an example that chose nothing this time
// (a finished episode). The entry holds log_prob = sum_j counts_j log(p_j + eps), the entropy of p for
// the rows that chose (0 for the others, so they add no bonus), and logit_score = counts - k p with k
// the row's number of draws. module, baseline and baseline_value are the caller's to fill in.
PolicyLog::Entry categorical_choice_entry(Var probs, const Matrix& counts, float log_prob_eps);

// One-hot rows (B x N) of indices (chosen actions, symbols); a negative index leaves its row zero (no
// choice, no symbol).
Matrix one_hot_rows(const std::vector<int>& choices, Index options);

}  // namespace mann
