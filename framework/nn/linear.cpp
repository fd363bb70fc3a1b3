#include "framework/nn/linear.h"

#include "framework/autodiff/ops.h"

namespace mann {

Linear::Linear(const ParamScope& scope, Index in, Index out, Rng& rng, const LinearOptions& options)
    : Module(scope), in_(in), out_(out) {
  weight_ = &scope.add("W", in, out, options.weight_init, rng);
  if (options.bias) bias_ = &scope.add("b", 1, out, options.bias_init, rng);
}

Linear::Linear(std::string name, Parameter* weight, Parameter* bias, bool transposed)
    : Module(std::move(name)), weight_(weight), bias_(bias), transposed_(transposed) {
  in_ = transposed ? weight->value.cols() : weight->value.rows();
  out_ = transposed ? weight->value.rows() : weight->value.cols();
  if (bias && (bias->value.rows() != 1 || bias->value.cols() != out_)) {
    throw ShapeError("Linear '" + this->name() + "': tied bias '" + bias->name + "' is " +
                     shape_string(bias->value) + ", expected " + shape_string(1, out_));
  }
}

Linear Linear::tied(std::string name, Parameter& weight, Parameter* bias, bool transposed) {
  return Linear(std::move(name), &weight, bias, transposed);
}

Var Linear::operator()(Tape& tape, Var x) const {
  if (x.cols() != in_) {
    throw ShapeError("Linear '" + name() + "': input is " + shape_string(x.value()) + ", expected (B x " +
                     std::to_string(in_) + ")");
  }
  Var w = tape.param(*weight_);
  if (transposed_) {
    Var y = matmul(x, transpose(w));
    return bias_ ? add(y, tape.param(*bias_)) : y;
  }
  if (bias_) return affine(x, w, tape.param(*bias_));
  return matmul(x, w);
}

}  // namespace mann
