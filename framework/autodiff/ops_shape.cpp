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

Var stop_gradient(Var a) {
  return a.tape->constant(a.value());
}

}  // namespace mann
