#include "framework/train/graves_rmsprop.h"

#include "framework/autodiff/errors.h"

namespace mann {

GravesRMSProp::GravesRMSProp(const GravesRMSPropOptions& options)
    : Optimizer(options.learning_rate), options_(options) {
  if (options.alpha < 0.f || options.alpha >= 1.f) {
    throw UserError("graves_rmsprop: alpha must be in [0, 1), got " + std::to_string(options.alpha));
  }
  if (options.momentum < 0.f || options.momentum >= 1.f) {
    throw UserError("graves_rmsprop: momentum must be in [0, 1), got " + std::to_string(options.momentum));
  }
  if (options.eps <= 0.f) throw UserError("graves_rmsprop: eps must be positive");
}

void GravesRMSProp::update(Parameter& p, SlotMap& slots) {
  const float a = options_.alpha;
  Matrix& n = slots.at("n");
  Matrix& g_avg = slots.at("g_avg");
  Matrix& delta = slots.at("delta");
  n = a * n + (1.f - a) * p.grad.cwiseAbs2();
  g_avg = a * g_avg + (1.f - a) * p.grad;
  // n >= g_avg^2 in exact arithmetic (Jensen); the clamp guards against float rounding below zero.
  const auto variance = (n.array() - g_avg.array().square()).max(0.f);
  delta = (options_.momentum * delta.array() -
           learning_rate() * p.grad.array() / (variance + options_.eps).sqrt())
              .matrix();
  p.value += delta;
}

}  // namespace mann
