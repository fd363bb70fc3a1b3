#pragma once
// Named elementwise activations, so that configs can choose one by string.
#include "framework/autodiff/tape.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class Activation { None, Tanh, Relu, Sigmoid };

template <>
struct EnumNames<Activation> {
  static constexpr std::string_view noun = "activation";
  static constexpr auto entries = std::to_array<EnumEntry<Activation>>({{Activation::None, "none"},
                                                                        {Activation::Tanh, "tanh"},
                                                                        {Activation::Relu, "relu"},
                                                                        {Activation::Sigmoid, "sigmoid"},
                                                                        {Activation::None, "linear"},
                                                                        {Activation::None, "identity"}});
};

// The activation applied elementwise to x (None returns x itself).
Var apply(Activation a, Var x);

}  // namespace mann
