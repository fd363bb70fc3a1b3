#include "framework/memory/ntm_write_head.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

NTMWriteHead::NTMWriteHead(const ParamScope& scope, Index controller_width, Index memory_width, Rng& rng,
                           const NTMWriteHeadOptions& options)
    : name_(scope.name()),
      options_(options),
      erase_(scope.sub("erase"), controller_width, memory_width, rng,
             {.bias_init = Init::constant(options.erase_bias)}),
      add_(scope.sub("add"), controller_width, memory_width, rng) {}

Var NTMWriteHead::erase(Tape& tape, Var controller) const {
  if (controller.cols() != erase_.in_features())
    throw ShapeError(name_ + ": controller output " + shape_string(controller.value()) + " should have " +
                     std::to_string(erase_.in_features()) + " columns");
  return sigmoid(erase_(tape, controller));
}

Var NTMWriteHead::add(Tape& tape, Var controller) const {
  if (controller.cols() != add_.in_features())
    throw ShapeError(name_ + ": controller output " + shape_string(controller.value()) + " should have " +
                     std::to_string(add_.in_features()) + " columns");
  Var a = add_(tape, controller);
  return options_.add_activation == AddActivation::Tanh ? tanh(a) : a;
}

Var NTMWriteHead::write(Tape& tape, Var memory, Var weights, Var controller) const {
  return ntm_write(memory, weights, erase(tape, controller), add(tape, controller));
}

}  // namespace mann
