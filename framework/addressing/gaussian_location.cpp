#include "framework/addressing/gaussian_location.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

GaussianLocationPolicy::GaussianLocationPolicy(const ParamScope& scope, Index feature_width, Rng& rng,
                                               const GaussianLocationOptions& options)
    : Module(scope), options_(options) {
  if (!(options.stddev > 0.f))
    throw UserError(name() + ": the location policy needs stddev > 0, got " + std::to_string(options.stddev));
  baseline_ = make_baseline(options.baseline, scope.sub("baseline"), feature_width, rng, options.ema_decay,
                            options.learned);
}

Var GaussianLocationPolicy::sample(Tape& tape, Var mean, Var features, AddressingContext& ctx,
                                   const std::string& record_name) {
  const Matrix& mu = mean.value();
  if (features.valid() && features.rows() != mu.rows())
    throw ShapeError(name() + ": features " + shape_string(features.value()) + " and mean " +
                     shape_string(mu) + " differ in batch size");
  auto clamped = [&](const Matrix& m) -> Matrix {
    return options_.clamp ? Matrix(m.cwiseMax(-1.f).cwiseMin(1.f)) : m;
  };
  if (!ctx.training) return tape.constant(clamped(mu));

  if (!ctx.rng) throw std::logic_error(name() + ": the location policy needs ctx.rng when training");
  const float sigma = options_.stddev;
  const Matrix noise = ctx.rng->normal_matrix(mu.rows(), mu.cols(), 0.f, 1.f);
  const Matrix drawn = mu + sigma * noise;
  // The location gets no gradient but REINFORCE's: the loss owes that term until reinforce_surrogate()
  // settles it (from ctx.policy, so without a policy log the trainer reports it).
  const std::string module = record_name.empty() ? name() : name() + ":" + record_name;
  tape.owe_loss_term(module);
  if (ctx.policy) {
    const auto dims = static_cast<float>(mu.cols());
    const float log_norm = std::log(sigma) + 0.5f * std::log(2.f * std::numbers::pi_v<float>);
    PolicyLog::Entry entry;
    entry.module = module;
    // log N(l; mean, sigma^2) with l the drawn (unclamped) sample, a constant: the gradient reaches the mean.
    entry.log_prob = add_scalar(scale(row_sums(square(tape.constant(drawn) - mean)), -0.5f / (sigma * sigma)),
                                -dims * log_norm);
    entry.entropy = tape.constant(mu.rows(), 1, dims * (log_norm + 0.5f));
    entry.baseline = baseline_.get();
    if (baseline_) entry.baseline_value = baseline_->value(tape, features.valid() ? features : mean);
    // d log p / d mean, for the gradient-variance diagnostic (as hard attention's logit score is).
    entry.logit_score = noise / sigma;
    ctx.policy->entries.push_back(std::move(entry));
  }
  return tape.constant(clamped(drawn));
}

}  // namespace mann
