// Losses, each reduced to a 1x1 value and computed in a numerically stable form.
#include <cmath>

#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/stable_bce.h"

namespace mann {

Var softmax_cross_entropy(Var logits, const std::vector<int>& targets) {
  const Matrix& x = logits.value();
  if (static_cast<Index>(targets.size()) != x.rows())
    detail::shape_error("softmax_cross_entropy",
                        std::to_string(targets.size()) + " targets for logits " + shape_string(x));
  Node& n = logits.tape->push(
      [](Tape& t, Node& nd) {
        // d/dx = (softmax - onehot) / count, for counted rows only.
        Matrix& g = t.grad_buffer(nd.inputs[0]);
        const float scale = nd.grad(0, 0) * nd.f0;
        for (Index r = 0; r < nd.saved.rows(); ++r) {
          const int target = nd.ints[static_cast<size_t>(r)];
          if (target < 0) continue;
          g.row(r) += scale * nd.saved.row(r);
          g(r, target) -= scale;
        }
      },
      {logits});
  n.ints = targets;
  n.saved = (x.colwise() - x.rowwise().maxCoeff()).array().exp().matrix();
  n.saved.array().colwise() /= n.saved.array().rowwise().sum();
  double total = 0;
  int counted = 0;
  for (Index r = 0; r < x.rows(); ++r) {
    const int target = targets[static_cast<size_t>(r)];
    if (target < 0) continue;
    if (target >= x.cols())
      detail::shape_error("softmax_cross_entropy", "target " + std::to_string(target) + " is outside " +
                                                       std::to_string(x.cols()) + " classes");
    total -= std::log(std::max(n.saved(r, target), 1e-30f));
    ++counted;
  }
  n.f0 = counted > 0 ? 1.f / static_cast<float>(counted) : 0.f;
  n.value.setConstant(1, 1, static_cast<float>(total) * n.f0);
  return logits.tape->last();
}

Var bce_with_logits(Var logits, const Matrix& targets, Reduction reduction) {
  const Matrix& x = logits.value();
  if (targets.rows() != x.rows() || targets.cols() != x.cols())
    detail::shape_error("bce_with_logits",
                        "targets " + shape_string(targets) + " do not match logits " + shape_string(x));
  Node& n = logits.tape->push(
      [](Tape& t, Node& nd) {
        const Matrix& z = t.value(nd.inputs[0]);
        t.accumulate(nd.inputs[0],
                     ((z.array().logistic() - nd.saved.array()) * (nd.grad(0, 0) * nd.f0)).matrix());
      },
      {logits});
  n.saved = targets;
  n.f0 = reduction == Reduction::Mean ? 1.f / static_cast<float>(x.size()) : 1.f;
  const float total = stable_bce_terms(x.array(), targets.array()).sum();
  n.value.setConstant(1, 1, total * n.f0);
  return logits.tape->last();
}

Var mse(Var prediction, const Matrix& target) {
  const Matrix& p = prediction.value();
  if (target.rows() != p.rows() || target.cols() != p.cols())
    detail::shape_error("mse",
                        "target " + shape_string(target) + " does not match prediction " + shape_string(p));
  Node& n = prediction.tape->push(
      [](Tape& t, Node& nd) {
        const Matrix& pv = t.value(nd.inputs[0]);
        t.accumulate(nd.inputs[0], (pv - nd.saved) * (2.f * nd.grad(0, 0) * nd.f0));
      },
      {prediction});
  n.saved = target;
  n.f0 = 1.f / static_cast<float>(p.size());
  n.value.setConstant(1, 1, (p - target).squaredNorm() * n.f0);
  return prediction.tape->last();
}

}  // namespace mann
