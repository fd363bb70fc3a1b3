#include "framework/train/rmsprop.h"

#include "framework/autodiff/errors.h"

namespace mann {

RMSProp::RMSProp(const RMSPropOptions& options) : Optimizer(options.learning_rate), options_(options) {
  if (options.alpha < 0.f || options.alpha >= 1.f) {
    throw UserError("rmsprop: alpha must be in [0, 1), got " + std::to_string(options.alpha));
  }
  if (options.momentum < 0.f || options.momentum >= 1.f) {
    throw UserError("rmsprop: momentum must be in [0, 1), got " + std::to_string(options.momentum));
  }
}

std::vector<std::string> RMSProp::slot_names() const {
  if (options_.momentum > 0.f) return {"momentum", "square_avg"};
  return {"square_avg"};
}

void RMSProp::update(Parameter& p, SlotMap& slots) {
  const float a = options_.alpha;
  Matrix& n = slots.at("square_avg");
  n = a * n + (1.f - a) * p.grad.cwiseAbs2();
  const auto step = (p.grad.array() / (n.array().sqrt() + options_.eps)).matrix();
  if (options_.momentum > 0.f) {
    Matrix& b = slots.at("momentum");
    b = options_.momentum * b + step;
    p.value -= learning_rate() * b;
  } else {
    p.value -= learning_rate() * step;
  }
}

}  // namespace mann
