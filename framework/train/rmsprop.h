#pragma once
// RMSProp (Tieleman & Hinton 2012, Coursera lecture 6.5): divide the gradient by a running RMS.
//
//   n <- alpha * n + (1 - alpha) * g^2
//   momentum == 0:  w <- w - lr * g / (sqrt(n) + eps)
//   momentum  > 0:  b <- momentum * b + g / (sqrt(n) + eps);  w <- w - lr * b
//
// For the centred variant of Graves (2013) used by the NTM/DNC papers see graves_rmsprop.h.
#include "framework/train/optimizer.h"

namespace mann {

struct RMSPropOptions {
  float learning_rate = 1e-3f;
  float alpha = 0.99f;  // decay of the squared-gradient average
  float eps = 1e-8f;
  float momentum = 0.f;
};

class RMSProp : public Optimizer {
 public:
  explicit RMSProp(const RMSPropOptions& options = {});
  std::string type() const override { return "rmsprop"; }
  std::vector<std::string> slot_names() const override;
  const RMSPropOptions& options() const { return options_; }

 protected:
  void update(Parameter& p, SlotMap& slots) override;

 private:
  RMSPropOptions options_;
};

}  // namespace mann
