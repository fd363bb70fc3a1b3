#pragma once
// Discrete choices for hard attention: drawing from categorical distributions (no gradient) and the
// differentiable log-probability of what was drawn, which REINFORCE multiplies by (reward - baseline).
#include <vector>

#include "framework/autodiff/tape.h"
#include "framework/util/rng.h"

namespace mann {

// One index per row of probs (B x N), drawn with probability proportional to the row's entries.
std::vector<int> sample_categorical(const Matrix& probs, Rng& rng);
// The index of the largest entry of each row (first one on ties).
std::vector<int> argmax_rows(const Matrix& values);
// log p(sample) under softmax(logits) per row: (B x 1).
Var categorical_log_prob(Var logits, const std::vector<int>& samples);
// log(p + eps) of the sampled entry per row of an already normalised distribution probs: (B x 1).
Var sampled_log_prob(Var probs, const std::vector<int>& samples, float eps = 1e-8f);

}  // namespace mann
