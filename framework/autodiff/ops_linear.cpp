// Matrix products: matmul, the fused affine map of a Linear layer, transpose, per-example outer products.
#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {

Var matmul(Var a, Var b) {
  Tape& t = detail::tape_of(a, b);
  const Matrix& av = t.value(a.id);
  const Matrix& bv = t.value(b.id);
  if (av.cols() != bv.rows())
    detail::shape_error("matmul", "cannot multiply " + shape_string(av) + " by " + shape_string(bv));
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& A = tp.value(nd.inputs[0]);
        const Matrix& B = tp.value(nd.inputs[1]);
        if (tp.requires_grad(nd.inputs[0])) tp.accumulate(nd.inputs[0], nd.grad * B.transpose());
        if (tp.requires_grad(nd.inputs[1])) tp.accumulate(nd.inputs[1], A.transpose() * nd.grad);
      },
      {a, b});
  n.value.noalias() = av * bv;
  t.count_multiply_adds(int64_t{av.rows()} * av.cols() * bv.cols());
  return t.last();
}

Var affine(Var x, Var W, Var b) {
  Tape& t = detail::tape_of(x, W);
  const Matrix& xv = t.value(x.id);
  const Matrix& Wv = t.value(W.id);
  const Matrix& bv = t.value(b.id);
  if (xv.cols() != Wv.rows())
    detail::shape_error("affine", "input " + shape_string(xv) + " does not fit weight " + shape_string(Wv));
  if (bv.rows() != 1 || bv.cols() != Wv.cols())
    detail::shape_error("affine", "bias " + shape_string(bv) + " should be " + shape_string(1, Wv.cols()));
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& X = tp.value(nd.inputs[0]);
        const Matrix& Wt = tp.value(nd.inputs[1]);
        if (tp.requires_grad(nd.inputs[0])) tp.accumulate(nd.inputs[0], nd.grad * Wt.transpose());
        if (tp.requires_grad(nd.inputs[1])) tp.accumulate(nd.inputs[1], X.transpose() * nd.grad);
        if (tp.requires_grad(nd.inputs[2])) tp.accumulate(nd.inputs[2], nd.grad.colwise().sum());
      },
      {x, W, b});
  n.value.noalias() = xv * Wv;
  t.count_multiply_adds(int64_t{xv.rows()} * xv.cols() * Wv.cols());
  n.value.rowwise() += bv.row(0);
  return t.last();
}

Var transpose(Var a) {
  Tape& t = detail::tape_of(a);
  const Matrix& av = t.value(a.id);
  Node& n = t.push([](Tape& tp, Node& nd) { tp.accumulate(nd.inputs[0], nd.grad.transpose()); }, {a});
  n.value = av.transpose();
  return t.last();
}

Var outer(Var a, Var b) {
  Tape& t = detail::tape_of(a, b);
  const Matrix& av = t.value(a.id);
  const Matrix& bv = t.value(b.id);
  if (av.rows() != bv.rows())
    detail::shape_error("outer", "batch sizes differ: " + shape_string(av) + " and " + shape_string(bv));
  const Index batch = av.rows(), slots = av.cols(), width = bv.cols();
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& A = tp.value(nd.inputs[0]);
        const Matrix& B = tp.value(nd.inputs[1]);
        const Index N = A.cols();
        const bool grad_a = tp.requires_grad(nd.inputs[0]), grad_b = tp.requires_grad(nd.inputs[1]);
        Matrix* ga = grad_a ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* gb = grad_b ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        for (Index e = 0; e < A.rows(); ++e) {
          const auto G = nd.grad.middleRows(e * N, N);  // (N x M)
          if (grad_a) ga->row(e).noalias() += (G * B.row(e).transpose()).transpose();
          if (grad_b) gb->row(e).noalias() += A.row(e) * G;
        }
      },
      {a, b});
  n.value.resize(batch * slots, width);
  for (Index e = 0; e < batch; ++e)
    n.value.middleRows(e * slots, slots).noalias() = av.row(e).transpose() * bv.row(e);
  t.count_multiply_adds(int64_t{batch} * slots * width);
  return t.last();
}

}  // namespace mann
