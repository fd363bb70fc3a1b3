#pragma once
// Adam (Kingma & Ba 2015, Algorithm 1), with optional L2 weight decay added to the gradient:
//
//   m <- beta1 * m + (1 - beta1) * g
//   v <- beta2 * v + (1 - beta2) * g^2
//   m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)
//   w <- w - lr * m_hat / (sqrt(v_hat) + eps)
//
// On the first step m_hat = g and v_hat = g^2, so each entry moves by lr * sign(g) (up to eps).
#include "framework/train/optimizer.h"

namespace mann {

struct AdamOptions {
  float learning_rate = 1e-3f;
  float beta1 = 0.9f;
  float beta2 = 0.999f;
  float eps = 1e-8f;
  float weight_decay = 0.f;
};

class Adam : public Optimizer {
 public:
  explicit Adam(const AdamOptions& options = {});
  std::string type() const override { return "adam"; }
  std::vector<std::string> slot_names() const override { return {"m", "v"}; }
  const AdamOptions& options() const { return options_; }

 protected:
  void update(Parameter& p, SlotMap& slots) override;

 private:
  AdamOptions options_;
};

}  // namespace mann
