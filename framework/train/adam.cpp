#include "framework/train/adam.h"

#include <cmath>

#include "framework/autodiff/errors.h"

namespace mann {

Adam::Adam(const AdamOptions& options) : Optimizer(options.learning_rate), options_(options) {
  if (options.beta1 < 0.f || options.beta1 >= 1.f || options.beta2 < 0.f || options.beta2 >= 1.f) {
    throw UserError("adam: beta1 and beta2 must be in [0, 1)");
  }
}

void Adam::update(Parameter& p, SlotMap& slots) {
  Matrix& m = slots.at("m");
  Matrix& v = slots.at("v");
  const float b1 = options_.beta1, b2 = options_.beta2;
  // Bias corrections in double: beta^t underflows gracefully and 1 - beta2^t is tiny early on.
  const double t = static_cast<double>(step_count());
  const float c1 = static_cast<float>(1.0 - std::pow(static_cast<double>(b1), t));
  const float c2 = static_cast<float>(1.0 - std::pow(static_cast<double>(b2), t));
  if (options_.weight_decay != 0.f) {
    const Matrix g = p.grad + options_.weight_decay * p.value;
    m = b1 * m + (1.f - b1) * g;
    v = b2 * v + (1.f - b2) * g.cwiseAbs2();
  } else {
    m = b1 * m + (1.f - b1) * p.grad;
    v = b2 * v + (1.f - b2) * p.grad.cwiseAbs2();
  }
  p.value.array() -= learning_rate() * (m.array() / c1) / ((v.array() / c2).sqrt() + options_.eps);
}

}  // namespace mann
