#include "framework/train/sgd.h"

#include "framework/autodiff/errors.h"

namespace mann {

SGD::SGD(const SGDOptions& options) : Optimizer(options.learning_rate), options_(options) {
  if (options.momentum < 0.f || options.momentum >= 1.f) {
    throw UserError("sgd: momentum must be in [0, 1), got " + std::to_string(options.momentum));
  }
}

std::vector<std::string> SGD::slot_names() const {
  if (options_.momentum > 0.f) return {"momentum"};
  return {};
}

void SGD::update(Parameter& p, SlotMap& slots) {
  const float lr = learning_rate();
  if (options_.momentum > 0.f) {
    Matrix& v = slots.at("momentum");
    if (options_.weight_decay != 0.f) {
      v = options_.momentum * v + p.grad + options_.weight_decay * p.value;
    } else {
      v = options_.momentum * v + p.grad;
    }
    p.value -= lr * v;
  } else if (options_.weight_decay != 0.f) {
    p.value -= lr * (p.grad + options_.weight_decay * p.value);
  } else {
    p.value -= lr * p.grad;
  }
}

}  // namespace mann
