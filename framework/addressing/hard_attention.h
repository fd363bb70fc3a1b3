#pragma once
// Hard (stochastic) attention trained with REINFORCE (Williams 1992; Xu et al. 2015, "Show, Attend and
// Tell", section 4.1).
//
// A soft_content scorer gives p = softmax over usable slots. Training: draw k slots from p with
// replacement (ctx.rng); the weighting is the average of their one-hots, a constant, so a read has a
// gradient only into the chosen slots' memory rows, and nothing flows into the scorer through it. Instead
// a PolicyLog entry records log p(choice) = sum_k log p(a_k) (differentiable w.r.t. the scorer) and the
// entropy of p, and reinforce_surrogate() turns rewards into the scorer's gradient. Evaluation: one-hot
// of argmax p (k is ignored). Masked slots have p = 0 and are never chosen; an example without usable
// slots gets a zero weighting and log-probability 0. Rows flagged in ctx.expected_rows read p itself
// (differentiably, no choice logged): Show, Attend and Tell's expected-context trick.
//
// Parameters: the scorer's under the module's scope; a learned baseline's under baseline/{W,b}.
#include <memory>
#include <string>

#include "framework/addressing/soft_content.h"
#include "framework/train/reinforce_baseline.h"
#include "framework/util/enum_names.h"

namespace mann {

struct HardOptions {
  SoftContentOptions scorer;  // the distribution to sample from
  int samples = 1;            // k: one-hot of the sample (1) or the mean of k one-hots
  BaselineKind baseline = BaselineKind::Ema;
  float ema_decay = 0.9f;          // Ema
  LearnedBaselineOptions learned;  // Learned: a value head on the query
  float log_prob_eps = 1e-8f;      // log(p + eps) keeps log-probabilities finite
};

class HardAttention : public AddressingModule {
 public:
  HardAttention(const ParamScope& scope, AddressingShape shape, Rng& rng, const HardOptions& options = {});

  Var address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous, AddressingContext& ctx,
              const std::string& record_name) override;
  bool stochastic() const override { return true; }
  bool needs_reinforce() const override { return true; }
  std::string type() const override { return "hard"; }

  SoftContentAddressing& scorer() { return scorer_; }
  ReinforceBaseline* baseline() { return baseline_.get(); }
  const HardOptions& options() const { return options_; }

 private:
  HardOptions options_;
  SoftContentAddressing scorer_;
  std::unique_ptr<ReinforceBaseline> baseline_;
};

}  // namespace mann
