#pragma once
// Stochastic gradient descent with optional (heavy-ball) momentum and L2 weight decay.
//
//   g <- grad + weight_decay * w
//   momentum == 0:  w <- w - lr * g
//   momentum  > 0:  v <- momentum * v + g;  w <- w - lr * v      (Polyak 1964; the PyTorch convention)
#include "framework/train/optimizer.h"

namespace mann {

struct SGDOptions {
  float learning_rate = 0.01f;
  float momentum = 0.f;
  float weight_decay = 0.f;
};

class SGD : public Optimizer {
 public:
  explicit SGD(const SGDOptions& options = {});
  std::string type() const override { return "sgd"; }
  std::vector<std::string> slot_names() const override;
  const SGDOptions& options() const { return options_; }

 protected:
  void update(Parameter& p, SlotMap& slots) override;

 private:
  SGDOptions options_;
};

}  // namespace mann
