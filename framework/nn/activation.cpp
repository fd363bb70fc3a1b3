#include "framework/nn/activation.h"

#include "framework/autodiff/ops.h"

namespace mann {

Var apply(Activation a, Var x) {
  switch (a) {
    case Activation::None:
      return x;
    case Activation::Tanh:
      return tanh(x);
    case Activation::Relu:
      return relu(x);
    case Activation::Sigmoid:
      return sigmoid(x);
  }
  return x;
}

}  // namespace mann
