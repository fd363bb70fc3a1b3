// Concatenation, slicing, reshaping and gradient stopping.
#include "framework/autodiff/op_support.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

Tape& common_tape(const char* op, const std::vector<Var>& parts) {
  if (parts.empty()) detail::shape_error(op, "nothing to concatenate");
  for (const Var& v : parts)
    if (v.tape != parts.front().tape) throw std::logic_error("ops combine Vars from different tapes");
  return *parts.front().tape;
}

}  // namespace

Var concat_cols(const std::vector<Var>& parts) {
  Tape& t = common_tape("concat_cols", parts);
  const Index rows = parts.front().rows();
  Index cols = 0;
  for (const Var& v : parts) {
    if (v.rows() != rows)
      detail::shape_error("concat_cols", "row counts differ: " + shape_string(parts.front().value()) +
                                             " and " + shape_string(v.value()));
    cols += v.cols();
  }
  Node& n = t.push_many(
      [](Tape& tp, Node& nd) {
        Index offset = 0;
        for (int id : nd.ints) {
          const Index width = tp.value(id).cols();
          if (tp.requires_grad(id)) tp.accumulate(id, nd.grad.middleCols(offset, width));
          offset += width;
        }
      },
      parts);
  n.value.resize(rows, cols);
  Index offset = 0;
  for (const Var& v : parts) {
    n.value.middleCols(offset, v.cols()) = v.value();
    offset += v.cols();
  }
  return t.last();
}

Var concat_rows(const std::vector<Var>& parts) {
  Tape& t = common_tape("concat_rows", parts);
  const Index cols = parts.front().cols();
  Index rows = 0;
  for (const Var& v : parts) {
    if (v.cols() != cols)
      detail::shape_error("concat_rows", "column counts differ: " + shape_string(parts.front().value()) +
                                             " and " + shape_string(v.value()));
    rows += v.rows();
  }
  Node& n = t.push_many(
      [](Tape& tp, Node& nd) {
        Index offset = 0;
        for (int id : nd.ints) {
          const Index height = tp.value(id).rows();
          if (tp.requires_grad(id)) tp.accumulate(id, nd.grad.middleRows(offset, height));
          offset += height;
        }
      },
      parts);
  n.value.resize(rows, cols);
  Index offset = 0;
  for (const Var& v : parts) {
    n.value.middleRows(offset, v.rows()) = v.value();
    offset += v.rows();
  }
  return t.last();
}

Var slice_cols(Var a, Index start, Index count) {
  const Matrix& x = a.value();
  if (start < 0 || count < 0 || start + count > x.cols())
    detail::shape_error("slice_cols", "columns [" + std::to_string(start) + ", " +
                                          std::to_string(start + count) + ") are outside " + shape_string(x));
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) { t.grad_buffer(nd.inputs[0]).middleCols(nd.i0, nd.grad.cols()) += nd.grad; },
      {a});
  n.i0 = static_cast<int>(start);
  n.value = x.middleCols(start, count);
  return a.tape->last();
}

Var slice_rows(Var a, Index start, Index count) {
  const Matrix& x = a.value();
  if (start < 0 || count < 0 || start + count > x.rows())
    detail::shape_error("slice_rows", "rows [" + std::to_string(start) + ", " +
                                          std::to_string(start + count) + ") are outside " + shape_string(x));
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) { t.grad_buffer(nd.inputs[0]).middleRows(nd.i0, nd.grad.rows()) += nd.grad; },
      {a});
  n.i0 = static_cast<int>(start);
  n.value = x.middleRows(start, count);
  return a.tape->last();
}

Var reshape(Var a, Index rows, Index cols) {
  const Matrix& x = a.value();
  if (rows * cols != x.size())
    detail::shape_error("reshape", "cannot reshape " + shape_string(x) + " to " + shape_string(rows, cols));
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) {
        const Matrix& in = t.value(nd.inputs[0]);
        t.accumulate(nd.inputs[0], Eigen::Map<const Matrix>(nd.grad.data(), in.rows(), in.cols()));
      },
      {a});
  n.value = Eigen::Map<const Matrix>(x.data(), rows, cols);
  return a.tape->last();
}

Var select_rows(const std::vector<Var>& sources, const std::vector<int>& which) {
  Tape& t = common_tape("select_rows", sources);
  const Index rows = sources.front().rows(), cols = sources.front().cols();
  if (static_cast<Index>(which.size()) != rows)
    detail::shape_error("select_rows", std::to_string(which.size()) + " choices for sources of " +
                                           shape_string(sources.front().value()));
  for (const Var& v : sources)
    if (v.rows() != rows || v.cols() != cols)
      detail::shape_error("select_rows", "sources differ in shape: " + shape_string(sources.front().value()) +
                                             " and " + shape_string(v.value()));
  const int count = static_cast<int>(sources.size());
  for (int w : which)
    if (w >= count)
      detail::shape_error("select_rows",
                          "choice " + std::to_string(w) + " of " + std::to_string(count) + " sources");
  Node& n = t.push_many(
      [](Tape& tp, Node& nd) {
        // ints: the sources' ids (i0 of them), then the choice per row.
        for (Index r = 0; r < nd.grad.rows(); ++r) {
          const int w = nd.ints[static_cast<size_t>(nd.i0 + r)];
          if (w < 0) continue;
          const int id = nd.ints[static_cast<size_t>(w)];
          if (tp.requires_grad(id)) tp.grad_buffer(id).row(r) += nd.grad.row(r);
        }
      },
      sources);
  n.i0 = count;
  n.ints.insert(n.ints.end(), which.begin(), which.end());
  n.value.resize(rows, cols);
  for (Index r = 0; r < rows; ++r) {
    const int w = which[static_cast<size_t>(r)];
    if (w < 0)
      n.value.row(r).setZero();
    else
      n.value.row(r) = sources[static_cast<size_t>(w)].value().row(r);
  }
  return t.last();
}

Var overwrite_rows(Var base, Var update, const std::vector<bool>& replace) {
  Tape& t = detail::tape_of(base, update);
  const Matrix& b = t.value(base.id);
  const Matrix& u = t.value(update.id);
  if (b.rows() != u.rows() || b.cols() != u.cols())
    detail::shape_error("overwrite_rows",
                        "base " + shape_string(b) + " and update " + shape_string(u) + " differ in shape");
  if (static_cast<Index>(replace.size()) != b.rows())
    detail::shape_error("overwrite_rows",
                        std::to_string(replace.size()) + " row flags for " + shape_string(b));
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const bool gb = tp.requires_grad(nd.inputs[0]), gu = tp.requires_grad(nd.inputs[1]);
        Matrix* base_grad = gb ? &tp.grad_buffer(nd.inputs[0]) : nullptr;
        Matrix* update_grad = gu ? &tp.grad_buffer(nd.inputs[1]) : nullptr;
        for (Index r = 0; r < nd.grad.rows(); ++r) {
          Matrix* target = nd.ints[static_cast<size_t>(r)] ? update_grad : base_grad;
          if (target) target->row(r) += nd.grad.row(r);
        }
      },
      {base, update});
  n.ints.assign(replace.begin(), replace.end());
  n.value = b;
  for (Index r = 0; r < b.rows(); ++r)
    if (replace[static_cast<size_t>(r)]) n.value.row(r) = u.row(r);
  return t.last();
}

Var stop_gradient(Var a) {
  return a.tape->constant(a.value());
}

}  // namespace mann
