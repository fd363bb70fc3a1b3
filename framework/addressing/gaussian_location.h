#pragma once
// A continuous location policy trained with REINFORCE: the "where to look next" of the recurrent attention
// model (Mnih et al. 2014, section 3). The companion of the discrete hard module (hard_attention.h): it logs
// its choices to the same PolicyLog and owes the same loss term, so an Objective (framework/train/objective.h) trains it.
//
// Training (ctx.training): l = mean + stddev * eps, eps ~ N(0, I), per example and coordinate. The policy
// returns l as a constant (no gradient flows through the location itself) and logs
//   log_prob = log N(l; mean, stddev^2 I) = -|l - mean|^2 / (2 stddev^2) - D log(stddev sqrt(2 pi)),
// differentiable w.r.t. the mean (d log p / d mean = (l - mean) / stddev^2), so REINFORCE's gradient flows
// into the location network that produced the mean. The entropy D log(stddev sqrt(2 pi e)) is a constant
// (stddev is fixed): an entropy weight adds nothing to the gradient.
// Evaluation (!ctx.training): the mean itself, deterministic; nothing is logged or owed.
//
// The mean is taken as given: the caller squashes it into [-1, 1] (RAM: tanh of a linear map of the core
// state). With clamp on, the returned location is the sample clamped to [-1, 1], as RAM implementations do
// so that glimpses stay on the image; the log-probability stays that of the unclamped sample, which keeps
// the estimator unbiased (the clamp is part of the environment: the reward is a function of clamp(l)).
//
// Parameters: a learned baseline's, under baseline/{W,b} (an EMA baseline keeps its state there too).
#include <memory>
#include <string>

#include "framework/addressing/addressing_module.h"
#include "framework/train/reinforce_baseline.h"

namespace mann {

struct GaussianLocationOptions {
  float stddev = 0.2f;  // fixed standard deviation of every coordinate (must be > 0)
  bool clamp = true;    // clamp returned samples to [-1, 1] (the log-probability is of the unclamped one)
  BaselineKind baseline = BaselineKind::Ema;
  float ema_decay = 0.9f;          // Ema
  LearnedBaselineOptions learned;  // Learned: a value head on the features passed to sample()
};

class GaussianLocationPolicy : public Module {
 public:
  /// A policy named by `scope` (its PolicyLog entries and owed terms carry that name). feature_width is the
  /// width of the features a learned baseline reads (ignored by the other baselines). Throws UserError for
  /// stddev <= 0.
  GaussianLocationPolicy(const ParamScope& scope, Index feature_width, Rng& rng,
                         const GaussianLocationOptions& options = {});

  /// The location for each example: a constant (B x D) Var, sampled around `mean` (B x D) when training,
  /// the mean (clamped like a sample) otherwise. features (B x F): what a learned baseline predicts the
  /// reward from (e.g. the core network's state); an invalid Var means the mean (then F must be D for a
  /// learned baseline). Training needs ctx.rng; the entry goes to ctx.policy (if set) and the REINFORCE term
  /// is owed on the tape under name() either way. record_name, if not empty, is appended to the name (":"
  /// between), to tell apart the steps of one policy in diagnostics.
  Var sample(Tape& tape, Var mean, Var features, AddressingContext& ctx, const std::string& record_name = "");

  /// The scope path the policy's entries and owed terms are named after.
  /// The baseline, or null without one.
  ReinforceBaseline* baseline() { return baseline_.get(); }
  const GaussianLocationOptions& options() const { return options_; }

 private:
  GaussianLocationOptions options_;
  std::unique_ptr<ReinforceBaseline> baseline_;
};

}  // namespace mann
