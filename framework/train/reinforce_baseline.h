#pragma once
// Baselines for REINFORCE (Williams 1992): an estimate b of the expected reward subtracted from the reward,
// r - b, which leaves the gradient estimate unbiased (b must not depend on the sampled choice) and lowers
// its variance.
//
// value() is called by a stochastic module when it makes a choice, so a baseline may depend on that
// choice's features (not on the choice itself); reinforce_surrogate() then uses the recorded value, adds
// regression_loss() (learned baselines) and calls update() once per batch with the rewards.
#include <memory>
#include <string>

#include "framework/autodiff/tape.h"
#include "framework/nn/linear.h"
#include "framework/util/enum_names.h"

namespace mann {

class ReinforceBaseline {
 public:
  virtual ~ReinforceBaseline() = default;
  // The baseline per example (B x 1) for a choice made from features (B x F). A learned baseline returns
  // its value head's output (which regression_loss trains); the surrogate never lets the policy loss
  // flow into it.
  virtual Var value(Tape& tape, Var features) = 0;
  // A 1x1 loss that trains the baseline towards the rewards (B x 1), or an invalid Var if it has none.
  virtual Var regression_loss(Var /*value*/, const Matrix& /*rewards*/) { return Var{}; }
  // Sees the batch's rewards after they were used; moving averages update here.
  virtual void update(const Matrix& /*rewards*/) {}
  virtual std::string type() const = 0;
};

// A scalar exponential moving average of the batch-mean reward: b <- decay b + (1 - decay) mean(r). Starts
// at the first batch's mean (no warm-up from 0). Because it only sees past batches it keeps the estimate
// unbiased. In data-parallel training the mean is over the whole batch, all ranks' shards.
class EmaBaseline : public ReinforceBaseline {
 public:
  /// A baseline whose state lives only in this object (not saved).
  explicit EmaBaseline(float decay = 0.9f);
  /// A baseline whose state, [average, initialised], is the non-trainable parameter `ema` under `scope`,
  /// so checkpoints save it and a resumed run continues from the same average.
  EmaBaseline(const ParamScope& scope, float decay);
  EmaBaseline(const EmaBaseline&) = delete;
  EmaBaseline& operator=(const EmaBaseline&) = delete;

  Var value(Tape& tape, Var features) override;
  void update(const Matrix& rewards) override;
  std::string type() const override { return "ema"; }

  float average() const { return (*state_)(0, 0); }
  bool initialised() const { return (*state_)(0, 1) != 0.f; }

 private:
  float decay_;
  Matrix own_state_;
  Matrix* state_;  // 1 x 2: the average, and 1 once a batch was seen
};

struct LearnedBaselineOptions {
  float loss_weight = 1.f;  // weight of the MSE regression loss in the surrogate
};

// A linear value head on the (gradient-stopped) features: b = stop_gradient(x) W + b0, (B x 1), trained
// by MSE regression to the rewards. Parameters under the scope: W, b.
class LearnedBaseline : public ReinforceBaseline {
 public:
  LearnedBaseline(const ParamScope& scope, Index feature_width, Rng& rng,
                  const LearnedBaselineOptions& options = {});
  Var value(Tape& tape, Var features) override;
  Var regression_loss(Var value, const Matrix& rewards) override;
  std::string type() const override { return "learned"; }

 private:
  LearnedBaselineOptions options_;
  Linear head_;
};

// Which baseline a REINFORCE-trained module subtracts from its rewards: nothing, a running average, or a
// value head on the module's features.
enum class BaselineKind { None, Ema, Learned };

template <>
struct EnumNames<BaselineKind> {
  static constexpr std::string_view noun = "REINFORCE baseline";
  static constexpr auto entries = std::to_array<EnumEntry<BaselineKind>>(
      {{BaselineKind::None, "none"}, {BaselineKind::Ema, "ema"}, {BaselineKind::Learned, "learned"}});
};

// The baseline of `kind` for a module: its state or parameters under `scope` (EmaBaseline's `ema`,
// LearnedBaseline's W and b), a learned one reading features of width feature_width. Null for None.
std::unique_ptr<ReinforceBaseline> make_baseline(BaselineKind kind, const ParamScope& scope,
                                                 Index feature_width, Rng& rng, float ema_decay,
                                                 const LearnedBaselineOptions& learned);

}  // namespace mann
