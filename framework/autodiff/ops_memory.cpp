// Batched memory access: content scores (dot, cosine), weighted reads, and the NTM circular shift.
// Memory layout: (B*N x M), example e owns rows e*N .. e*N+N-1; queries (B x M); weightings (B x N).
#include <cmath>

#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

using RowArray = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

void check_query(const char* op, const Matrix& memory, const Matrix& query) {
  if (memory.cols() != query.cols())
    detail::shape_error(
        op, "memory " + shape_string(memory) + " and query " + shape_string(query) + " differ in width");
}

}  // namespace

Var memory_dot(Var memory, Var query) {
  Tape& t = detail::tape_of(memory, query);
  const Matrix& mem = t.value(memory.id);
  const Matrix& q = t.value(query.id);
  check_query("memory_dot", mem, q);
  const Index B = q.rows(), N = detail::slots_per_example("memory_dot", mem, B);
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& M = tp.value(nd.inputs[0]);
        const Matrix& Q = tp.value(nd.inputs[1]);
        const Index slots = nd.grad.cols();
        const bool gm = tp.requires_grad(nd.inputs[0]), gq = tp.requires_grad(nd.inputs[1]);
        Matrix* mem_grad = gm ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* q_grad = gq ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        for (Index e = 0; e < Q.rows(); ++e) {
          if (gm) mem_grad->middleRows(e * slots, slots).noalias() += nd.grad.row(e).transpose() * Q.row(e);
          if (gq) q_grad->row(e).noalias() += nd.grad.row(e) * M.middleRows(e * slots, slots);
        }
      },
      {memory, query});
  n.value.resize(B, N);
  for (Index e = 0; e < B; ++e)
    n.value.row(e).noalias() = (mem.middleRows(e * N, N) * q.row(e).transpose()).transpose();
  t.count_multiply_adds(int64_t{B} * N * mem.cols());
  return t.last();
}

// cos(m, q) = m.q / (|m|_eps |q|_eps) with |v|_eps = sqrt(|v|^2 + eps): smooth everywhere, 0 for zero
// vectors.
Var memory_cosine(Var memory, Var query, float eps) {
  Tape& t = detail::tape_of(memory, query);
  const Matrix& mem = t.value(memory.id);
  const Matrix& q = t.value(query.id);
  check_query("memory_cosine", mem, q);
  const Index B = q.rows(), N = detail::slots_per_example("memory_cosine", mem, B);
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& M = tp.value(nd.inputs[0]);
        const Matrix& Q = tp.value(nd.inputs[1]);
        const Index slots = nd.grad.cols();
        const Index batch = Q.rows();
        const bool gm = tp.requires_grad(nd.inputs[0]), gq = tp.requires_grad(nd.inputs[1]);
        Matrix* mem_grad = gm ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* q_grad = gq ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        // Per-slot coefficients for the whole batch at once, laid out like the weighting (B x N):
        // d cos / d m = q / (|m||q|) - cos m / |m|^2,  d cos / d q = m / (|m||q|) - cos q / |q|^2.
        const Eigen::Map<const RowArray> mem_norm(nd.saved.data(), batch, slots);
        const auto q_norm = nd.saved.col(0).tail(batch).array();
        const RowArray coef = nd.grad.array() / (mem_norm.colwise() * q_norm);
        const RowArray self = nd.grad.array() * nd.value.array() / mem_norm.square();
        for (Index e = 0; e < batch; ++e) {
          const auto block = M.middleRows(e * slots, slots);
          if (gm) {
            auto g = mem_grad->middleRows(e * slots, slots);
            g.noalias() += coef.row(e).matrix().transpose() * Q.row(e);
            g.array() -= block.array().colwise() * self.row(e).transpose();
          }
          if (gq) {
            const float q_self =
                (nd.grad.row(e).array() * nd.value.row(e).array()).sum() / (q_norm(e) * q_norm(e));
            q_grad->row(e).noalias() += coef.row(e).matrix() * block;
            q_grad->row(e) -= q_self * Q.row(e);
          }
        }
      },
      {memory, query});
  n.saved.resize(B * N + B, 1);
  n.saved.col(0).head(B * N) = (mem.rowwise().squaredNorm().array() + eps).sqrt().matrix();
  n.saved.col(0).tail(B) = (q.rowwise().squaredNorm().array() + eps).sqrt().matrix();
  n.value.resize(B, N);
  for (Index e = 0; e < B; ++e)
    n.value.row(e).noalias() = (mem.middleRows(e * N, N) * q.row(e).transpose()).transpose();
  t.count_multiply_adds(int64_t{B} * N * mem.cols());
  n.value.array() /=
      Eigen::Map<const RowArray>(n.saved.data(), B, N).colwise() * n.saved.col(0).tail(B).array();
  return t.last();
}

Var cosine_similarity(Var a, Var b, float eps) {
  if (a.rows() != b.rows() || a.cols() != b.cols())
    detail::shape_error("cosine_similarity",
                        "shapes differ: " + shape_string(a.value()) + " and " + shape_string(b.value()));
  return memory_cosine(a, b, eps);  // each row is an example with one slot
}

Var memory_read(Var weights, Var memory) {
  Tape& t = detail::tape_of(weights, memory);
  const Matrix& w = t.value(weights.id);
  const Matrix& mem = t.value(memory.id);
  const Index B = w.rows(), N = detail::slots_per_example("memory_read", mem, B);
  if (w.cols() != N)
    detail::shape_error("memory_read", "weights " + shape_string(w) + " do not match " + std::to_string(N) +
                                           " slots of memory " + shape_string(mem));
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& W = tp.value(nd.inputs[0]);
        const Matrix& M = tp.value(nd.inputs[1]);
        const Index slots = W.cols();
        const bool gw = tp.requires_grad(nd.inputs[0]), gm = tp.requires_grad(nd.inputs[1]);
        Matrix* w_grad = gw ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* mem_grad = gm ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        for (Index e = 0; e < W.rows(); ++e) {
          if (gw) w_grad->row(e).noalias() += nd.grad.row(e) * M.middleRows(e * slots, slots).transpose();
          if (gm) mem_grad->middleRows(e * slots, slots).noalias() += W.row(e).transpose() * nd.grad.row(e);
        }
      },
      {weights, memory});
  n.value.resize(B, mem.cols());
  for (Index e = 0; e < B; ++e) n.value.row(e).noalias() = w.row(e) * mem.middleRows(e * N, N);
  t.count_multiply_adds(int64_t{B} * N * mem.cols());
  return t.last();
}

namespace {

// For offset k of circular_conv, out(i) takes w(j) with j = (i - k + r) mod N. The pairs (i, j) form two
// contiguous runs, so forward and backward work on whole segments instead of index arithmetic per entry:
// calls f(out_start, in_start, length) for each run.
template <class F>
void for_each_shift_run(Index N, Index k, Index r, F f) {
  const Index j0 = (((r - k) % N) + N) % N;  // j for i = 0
  f(Index{0}, j0, N - j0);
  if (j0 > 0) f(N - j0, Index{0}, j0);
}

}  // namespace

Var circular_conv(Var w, Var s) {
  Tape& t = detail::tape_of(w, s);
  const Matrix& wv = t.value(w.id);
  const Matrix& sv = t.value(s.id);
  if (wv.rows() != sv.rows() || sv.cols() % 2 == 0 || sv.cols() > wv.cols())
    detail::shape_error("circular_conv",
                        "weights " + shape_string(wv) + " and shifts " + shape_string(sv) +
                            ": need equal rows and an odd shift count no larger than the slots");
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Matrix& W = tp.value(nd.inputs[0]);
        const Matrix& S = tp.value(nd.inputs[1]);
        const Index N = W.cols(), K = S.cols(), r = K / 2;
        const bool gw = tp.requires_grad(nd.inputs[0]), gs = tp.requires_grad(nd.inputs[1]);
        Matrix* w_grad = gw ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* s_grad = gs ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        for (Index e = 0; e < W.rows(); ++e)
          for (Index k = 0; k < K; ++k)
            for_each_shift_run(N, k, r, [&](Index out, Index in, Index len) {
              const auto g = nd.grad.row(e).segment(out, len);
              if (gw) w_grad->row(e).segment(in, len) += S(e, k) * g;
              if (gs) (*s_grad)(e, k) += g.dot(W.row(e).segment(in, len));
            });
      },
      {w, s});
  const Index N = wv.cols(), K = sv.cols(), r = K / 2;
  n.value.setZero(wv.rows(), N);
  for (Index e = 0; e < wv.rows(); ++e)
    for (Index k = 0; k < K; ++k)
      for_each_shift_run(N, k, r, [&](Index out, Index in, Index len) {
        n.value.row(e).segment(out, len) += sv(e, k) * wv.row(e).segment(in, len);
      });
  t.count_multiply_adds(int64_t{wv.rows()} * N * K);
  return t.last();
}

}  // namespace mann
