#include "framework/nn/gru_cell.h"

#include "framework/autodiff/ops.h"
#include "framework/nn/lstm_cell.h"

namespace mann {

GRUCell::GRUCell(const ParamScope& scope, Index input_size, Index hidden_size, Rng& rng,
                 const GRUOptions& options)
    : Module(scope), input_(input_size), hidden_(hidden_size) {
  const Index H = hidden_size;
  W_ = &scope.add("W", input_size, 3 * H, options.input_init, rng);
  U_rz_ = &scope.add("U_rz", initialize_blocks(options.recurrent_init, H, H, 2, rng));
  U_n_ = &scope.add("U_n", H, H, options.recurrent_init, rng);
  b_ = &scope.add("b", Matrix::Zero(1, 3 * H));
}

Var GRUCell::initial_state(Tape& tape, Index batch) const {
  return tape.constant(batch, hidden_, 0.f);
}

Var GRUCell::operator()(Tape& tape, Var x, Var h) const {
  const Index H = hidden_;
  if (x.cols() != input_ || h.rows() != x.rows() || h.cols() != H) {
    throw ShapeError("GRUCell '" + name() + "': input " + shape_string(x.value()) + ", h " +
                     shape_string(h.value()) + "; expected (B x " + std::to_string(input_) + "), (B x " +
                     std::to_string(H) + ")");
  }
  Var zx = affine(x, tape.param(*W_), tape.param(*b_));
  Var rz = sigmoid(add(slice_cols(zx, 0, 2 * H), matmul(h, tape.param(*U_rz_))));
  Var r = slice_cols(rz, 0, H);
  Var z = slice_cols(rz, H, H);
  Var n = tanh(add(slice_cols(zx, 2 * H, H), matmul(mul(r, h), tape.param(*U_n_))));
  // z * h + (1 - z) * n = n + z * (h - n): one multiply fewer.
  return add(n, mul(z, sub(h, n)));
}

}  // namespace mann
