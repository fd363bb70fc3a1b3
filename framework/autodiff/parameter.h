#pragma once
#include <string>

#include "framework/autodiff/matrix.h"

namespace mann {

// A trainable tensor: its value, the gradient accumulated by backward passes, and its hierarchical name
// (e.g. "model/hop2/C"), which is also its key in checkpoints. A non-trainable one is a buffer: state that
// checkpoints save and restore but no optimizer touches (a moving average, a fixed random memory).
struct Parameter {
  std::string name;
  Matrix value;
  Matrix grad;
  bool trainable = true;
  // Buffers only: why a checkpoint may lack it (e.g. it was added after checkpoints were written); loading
  // such a checkpoint keeps the value the model gave it. Empty: a checkpoint must carry it.
  std::string optional_because;

  Parameter(std::string n, Matrix v) : name(std::move(n)), value(std::move(v)) {
    grad = Matrix::Zero(value.rows(), value.cols());
  }
  void zero_grad() { grad.setZero(); }
  // Whether loading a checkpoint that lacks it must fail: every trainable parameter, and every buffer not
  // declared optional.
  bool required_on_load() const { return trainable || optional_because.empty(); }
};

}  // namespace mann
