#include "framework/nn/lstm_cell.h"

#include "framework/autodiff/ops.h"

namespace mann {

Matrix initialize_blocks(const Init& init, Index rows, Index cols, Index blocks, Rng& rng) {
  check_parameter_size(rows, cols * blocks);
  Matrix m(rows, cols * blocks);
  for (Index k = 0; k < blocks; ++k) m.middleCols(k * cols, cols) = initialize(init, rows, cols, rng);
  return m;
}

LSTMCell::LSTMCell(const ParamScope& scope, Index input_size, Index hidden_size, Rng& rng,
                   const LSTMOptions& options)
    : Module(scope), input_(input_size), hidden_(hidden_size) {
  const Index H = hidden_size;
  W_ = &scope.add("W", input_size, 4 * H, options.input_init, rng);
  U_ = &scope.add("U", initialize_blocks(options.recurrent_init, H, H, 4, rng));
  Matrix bias = Matrix::Zero(1, 4 * H);
  bias.middleCols(H, H).setConstant(options.forget_bias);
  b_ = &scope.add("b", std::move(bias));
}

LSTMState LSTMCell::initial_state(Tape& tape, Index batch) const {
  return {tape.constant(batch, hidden_, 0.f), tape.constant(batch, hidden_, 0.f)};
}

LSTMState LSTMCell::operator()(Tape& tape, Var x, const LSTMState& state) const {
  const Index B = x.rows(), H = hidden_;
  if (x.cols() != input_ || state.h.rows() != B || state.h.cols() != H || state.c.rows() != B ||
      state.c.cols() != H) {
    throw ShapeError("LSTMCell '" + name() + "': input " + shape_string(x.value()) + ", h " +
                     shape_string(state.h.value()) + ", c " + shape_string(state.c.value()) +
                     "; expected (B x " + std::to_string(input_) + "), (B x " + std::to_string(H) +
                     "), (B x " + std::to_string(H) + ")");
  }
  Var z = add(affine(x, tape.param(*W_), tape.param(*b_)), matmul(state.h, tape.param(*U_)));
  Var i = sigmoid(slice_cols(z, 0, H));
  Var f = sigmoid(slice_cols(z, H, H));
  Var g = tanh(slice_cols(z, 2 * H, H));
  Var o = sigmoid(slice_cols(z, 3 * H, H));
  Var c = add(mul(f, state.c), mul(i, g));
  return {mul(o, tanh(c)), c};
}

}  // namespace mann
