#include "framework/nn/activation.h"

#include "framework/autodiff/ops.h"

namespace mann {

Activation parse_activation(const std::string& name) {
  if (name == "none" || name == "linear" || name == "identity") return Activation::None;
  if (name == "tanh") return Activation::Tanh;
  if (name == "relu") return Activation::Relu;
  if (name == "sigmoid") return Activation::Sigmoid;
  throw UserError("unknown activation '" + name + "' (expected none, tanh, relu, sigmoid)");
}

std::string to_string(Activation a) {
  switch (a) {
    case Activation::None:
      return "none";
    case Activation::Tanh:
      return "tanh";
    case Activation::Relu:
      return "relu";
    case Activation::Sigmoid:
      return "sigmoid";
  }
  return "?";
}

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
