#pragma once
#include <string>

#include "framework/autodiff/matrix.h"

namespace mann {

// A trainable tensor: its value, the gradient accumulated by backward passes, and its hierarchical name
// (e.g. "model/hop2/C"), which is also its key in checkpoints.
struct Parameter {
  std::string name;
  Matrix value;
  Matrix grad;
  bool trainable = true;

  Parameter(std::string n, Matrix v) : name(std::move(n)), value(std::move(v)) {
    grad = Matrix::Zero(value.rows(), value.cols());
  }
  void zero_grad() { grad.setZero(); }
};

}  // namespace mann
