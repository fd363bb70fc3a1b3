#pragma once
// Centred RMSProp with momentum as in Graves (2013), "Generating Sequences With Recurrent Neural
// Networks", eqs. 38-41; the optimizer of the NTM and DNC papers:
//
//   n     <- alpha * n + (1 - alpha) * g^2
//   g_avg <- alpha * g_avg + (1 - alpha) * g
//   delta <- momentum * delta - lr * g / sqrt(n - g_avg^2 + eps)
//   w     <- w + delta
//
// n - g_avg^2 estimates the gradient's variance, so steps are normalised by its spread rather than its
// raw magnitude. Graves uses alpha 0.95, momentum 0.9, lr 1e-4, eps 1e-4; the NTM papers lr 1e-4.
#include "framework/train/optimizer.h"

namespace mann {

struct GravesRMSPropOptions {
  float learning_rate = 1e-4f;
  float alpha = 0.95f;
  float momentum = 0.9f;
  float eps = 1e-4f;
};

class GravesRMSProp : public Optimizer {
 public:
  explicit GravesRMSProp(const GravesRMSPropOptions& options = {});
  std::string type() const override { return "graves_rmsprop"; }
  std::vector<std::string> slot_names() const override { return {"delta", "g_avg", "n"}; }
  const GravesRMSPropOptions& options() const { return options_; }

 protected:
  void update(Parameter& p, SlotMap& slots) override;

 private:
  GravesRMSPropOptions options_;
};

}  // namespace mann
