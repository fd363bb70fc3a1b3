// Sums and means over everything, over each row, or over each column.
#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

// f0 scales the gradient: 1 for sums, 1/count for means.
Node& push_reduction(Var a, BackwardFn backward, float factor) {
  Node& n = a.tape->push(backward, {a});
  n.f0 = factor;
  return n;
}

void total_backward(Tape& t, Node& n) {
  const Matrix& x = t.value(n.inputs[0]);
  t.accumulate(n.inputs[0], Matrix::Constant(x.rows(), x.cols(), n.grad(0, 0) * n.f0));
}
void rows_backward(Tape& t, Node& n) {  // output (R x 1)
  t.accumulate(n.inputs[0], (n.grad * n.f0).replicate(1, t.value(n.inputs[0]).cols()));
}
void cols_backward(Tape& t, Node& n) {  // output (1 x C)
  t.accumulate(n.inputs[0], (n.grad * n.f0).replicate(t.value(n.inputs[0]).rows(), 1));
}

}  // namespace

Var sum(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, total_backward, 1.f).value.setConstant(1, 1, x.sum());
  return a.tape->last();
}

Var mean(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, total_backward, 1.f / static_cast<float>(x.size())).value.setConstant(1, 1, x.mean());
  return a.tape->last();
}

Var row_sums(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, rows_backward, 1.f).value = x.rowwise().sum();
  return a.tape->last();
}

Var col_sums(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, cols_backward, 1.f).value = x.colwise().sum();
  return a.tape->last();
}

Var row_means(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, rows_backward, 1.f / static_cast<float>(x.cols())).value = x.rowwise().mean();
  return a.tape->last();
}

Var col_means(Var a) {
  const Matrix& x = a.value();
  push_reduction(a, cols_backward, 1.f / static_cast<float>(x.rows())).value = x.colwise().mean();
  return a.tape->last();
}

}  // namespace mann
