#pragma once
// Named elementwise activations, so that configs can choose one by string.
#include <string>

#include "framework/autodiff/tape.h"

namespace mann {

enum class Activation { None, Tanh, Relu, Sigmoid };

// "none" (also "linear", "identity"), "tanh", "relu", "sigmoid"; throws UserError otherwise.
Activation parse_activation(const std::string& name);
std::string to_string(Activation a);
Var apply(Activation a, Var x);

}  // namespace mann
