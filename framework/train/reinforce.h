#pragma once
// The REINFORCE surrogate loss (Williams 1992) for the choices recorded in a PolicyLog: minimising it
// follows an unbiased estimate of -grad E[reward]. With per-example rewards r_b (B x 1), computed by the
// caller (e.g. -loss_b or 0/1 correctness), baseline values b_{e,b} and log-probabilities log p_{e,b} of
// entry e:
//
//   loss = sum_e [ -mean_b (r_b - b_{e,b}) log p_{e,b}  -  entropy_weight * mean_b H_{e,b}
//                  + regression_loss_e (learned baselines) ]
//
// (r - b) is a constant: the policy gradient does not flow into the baseline, nor the baseline's loss into
// the policy. An entry with a credited_reward uses it as its r (and its baseline regresses to it): the
// rewards that followed a choice in an episode. Entries are summed because the log-probability of a sequence
// of choices is the sum of theirs. After building the loss, each distinct baseline's update() is called once
// with the rewards of the first entry it served (its credited reward if it has one), and the terms the
// entries' modules owe on the tape (Tape::owe_loss_term) are settled.
#include "framework/addressing/policy_log.h"
#include "framework/autodiff/tape.h"

namespace mann {

struct ReinforceLoss {
  Var loss;                    // 1x1, to add to the task loss and minimise
  float mean_reward = 0.f;     // mean of r over the batch
  float mean_baseline = 0.f;   // mean of b over entries and batch (0 without baselines)
  float mean_advantage = 0.f;  // mean of r - b
  float mean_entropy = 0.f;    // mean of H over entries and batch
  float baseline_loss = 0.f;   // sum of the regression losses
  // An estimate of the variance of the single-example gradient estimate, measured w.r.t. the logits of
  // each choice: per example g_b = (r_b - b_b) * logit_score_b (the gradient of -surrogate_b w.r.t. that
  // choice's logits), then the trace of the covariance over the batch, mean_b |g_b - mean g|^2, averaged
  // over the entries that carry a logit_score. NaN if none does or B < 2. Logits differ between examples,
  // so this mixes state variation with sampling noise: a diagnostic to compare runs, not an exact figure.
  float gradient_variance = 0.f;
};

// rewards: (B x 1). Throws ShapeError if an entry's log_prob is not (B x 1). An empty log gives a zero loss.
ReinforceLoss reinforce_surrogate(Tape& tape, const PolicyLog& log, const Matrix& rewards,
                                  float entropy_weight = 0.f);

}  // namespace mann
