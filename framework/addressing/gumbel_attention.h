#pragma once
// Gumbel-softmax attention (Jang et al. 2017, "Categorical Reparameterization with Gumbel-Softmax";
// Maddison et al. 2017): a differentiable relaxation of sampling a slot from softmax(logits).
//
//   y_soft = softmax((logits + g) / tau) over usable slots,  g_i = -log(-log u_i), u_i ~ U(0, 1)
//   straight-through (default): forward one-hot(argmax(logits + g)), backward the gradient of y_soft
//                               (built as one_hot + (y_soft - stop_gradient(y_soft)))
//   otherwise: y_soft itself.
// tau follows tau(step) = max(tau_min, tau0 * exp(-decay_rate * step)) (Jang et al. 2017, section 3.1).
// Evaluation: one-hot of argmax(logits) without noise. Masked slots are never chosen and get exactly 0.
// The logits come from a soft_content scorer whose parameters live under the module's scope.
#include <string>

#include "framework/addressing/soft_content.h"

namespace mann {

struct GumbelOptions {
  SoftContentOptions scorer;
  float tau0 = 1.f;        // initial temperature
  float tau_min = 0.5f;    // floor of the schedule
  float decay_rate = 0.f;  // per step; 0 = constant tau0
  bool straight_through = true;
};

// The temperature at a training step.
float gumbel_temperature(const GumbelOptions& options, int64_t step);

// (rows x cols) standard Gumbel noise, finite (u is kept away from 0).
Matrix gumbel_noise(Index rows, Index cols, Rng& rng);

// The relaxed sample for given noise (rows x N, like logits); mask may be null.
Var gumbel_softmax(Var logits, const Matrix* mask, const Matrix& noise, float tau, bool straight_through);

class GumbelAttention : public AddressingModule {
 public:
  GumbelAttention(const ParamScope& scope, AddressingShape shape, Rng& rng,
                  const GumbelOptions& options = {});

  Var address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous, AddressingContext& ctx,
              const std::string& record_name) override;
  bool stochastic() const override { return true; }
  std::string type() const override { return "gumbel"; }

  SoftContentAddressing& scorer() { return scorer_; }
  const GumbelOptions& options() const { return options_; }

 private:
  GumbelOptions options_;
  SoftContentAddressing scorer_;
};

}  // namespace mann
