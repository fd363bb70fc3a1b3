// Softmax and log-softmax along rows or columns, with the max subtracted first so exp never overflows.
#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

// dx = y .* (g - sum(g .* y)) along the normalised dimension.
void softmax_rows_backward(Tape& t, Node& n) {
  const Eigen::VectorXf dot = n.grad.cwiseProduct(n.value).rowwise().sum();
  t.accumulate(n.inputs[0], n.value.cwiseProduct(n.grad - dot.replicate(1, n.grad.cols())));
}
void softmax_cols_backward(Tape& t, Node& n) {
  const Eigen::RowVectorXf dot = n.grad.cwiseProduct(n.value).colwise().sum();
  t.accumulate(n.inputs[0], n.value.cwiseProduct(n.grad - dot.replicate(n.grad.rows(), 1)));
}

// y = x - logsumexp(x): dx = g - softmax(x) * sum(g).
void log_softmax_rows_backward(Tape& t, Node& n) {
  const Eigen::VectorXf total = n.grad.rowwise().sum();
  t.accumulate(n.inputs[0], n.grad - (n.value.array().exp().colwise() * total.array()).matrix());
}
void log_softmax_cols_backward(Tape& t, Node& n) {
  const Eigen::RowVectorXf total = n.grad.colwise().sum();
  t.accumulate(n.inputs[0], n.grad - (n.value.array().exp().rowwise() * total.array()).matrix());
}

Node& push_unary(Var a, BackwardFn backward) {
  return a.tape->push(backward, {a});
}

}  // namespace

Var softmax_rows(Var a) {
  const Matrix& x = a.value();
  Node& n = push_unary(a, softmax_rows_backward);
  n.value = (x.colwise() - x.rowwise().maxCoeff()).array().exp().matrix();
  n.value.array().colwise() /= n.value.array().rowwise().sum();
  return a.tape->last();
}

Var softmax_cols(Var a) {
  const Matrix& x = a.value();
  Node& n = push_unary(a, softmax_cols_backward);
  n.value = (x.rowwise() - x.colwise().maxCoeff()).array().exp().matrix();
  n.value.array().rowwise() /= n.value.array().colwise().sum();
  return a.tape->last();
}

Var log_softmax_rows(Var a) {
  const Matrix& x = a.value();
  Node& n = push_unary(a, log_softmax_rows_backward);
  n.value = x.colwise() - x.rowwise().maxCoeff();
  const Eigen::VectorXf log_total = n.value.array().exp().rowwise().sum().log();
  n.value.colwise() -= log_total;
  return a.tape->last();
}

Var log_softmax_cols(Var a) {
  const Matrix& x = a.value();
  Node& n = push_unary(a, log_softmax_cols_backward);
  n.value = x.rowwise() - x.colwise().maxCoeff();
  const Eigen::RowVectorXf log_total = n.value.array().exp().colwise().sum().log();
  n.value.rowwise() -= log_total;
  return a.tape->last();
}

Var masked_softmax_rows(Var a, const Matrix& mask) {
  const Matrix& x = a.value();
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    detail::shape_error("masked_softmax_rows",
                        "mask " + shape_string(mask) + " does not match scores " + shape_string(x));
  Node& n = push_unary(a, softmax_rows_backward);  // masked entries have y = 0, so they get no gradient
  n.value.resize(x.rows(), x.cols());
  for (Index i = 0; i < x.rows(); ++i) {
    float top = -std::numeric_limits<float>::infinity();
    for (Index j = 0; j < x.cols(); ++j)
      if (mask(i, j) != 0.f) top = std::max(top, x(i, j));
    float total = 0.f;
    for (Index j = 0; j < x.cols(); ++j) {
      const float e = mask(i, j) != 0.f ? std::exp(x(i, j) - top) : 0.f;
      n.value(i, j) = e;
      total += e;
    }
    if (total > 0.f) n.value.row(i) /= total;
  }
  return a.tape->last();
}

}  // namespace mann
