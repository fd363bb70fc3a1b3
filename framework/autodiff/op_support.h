#pragma once
// Shared plumbing for op implementations (not part of the public API): shape checks that name the op, and
// broadcasting in both directions.
#include <string>

#include "framework/autodiff/tape.h"

namespace mann::detail {

[[noreturn]] void shape_error(const char* op, const std::string& what);

inline Tape& tape_of(Var a) {
  return *a.tape;
}
inline Tape& tape_of(Var a, Var b) {
  if (a.tape != b.tape) throw std::logic_error("ops combine Vars from different tapes");
  return *a.tape;
}

// Output shape of a broadcasting binary op: each operand matches the output or has 1 row and/or 1 column.
struct Shape {
  Index rows, cols;
};
Shape broadcast_shape(const char* op, const Matrix& a, const Matrix& b);

// Calls f with x itself when it already has the output shape, otherwise with a replicated view of it.
template <class F>
void with_broadcast(const Matrix& x, Shape out, F&& f) {
  if (x.rows() == out.rows && x.cols() == out.cols)
    f(x);
  else
    f(x.replicate(out.rows / x.rows(), out.cols / x.cols()));
}

// Accumulates a gradient of the output's shape into node id, summing over the dimensions it was broadcast in.
template <class E>
void accumulate_reduced(Tape& t, int id, const E& g) {
  const Matrix& v = t.value(id);
  if (v.rows() == g.rows() && v.cols() == g.cols())
    t.accumulate(id, g);
  else if (v.rows() == 1 && v.cols() == 1)
    t.accumulate(id, Matrix::Constant(1, 1, g.sum()));
  else if (v.rows() == 1)
    t.accumulate(id, g.colwise().sum());
  else
    t.accumulate(id, g.rowwise().sum());
}

// Slots per example of a (B*N x M) memory addressed with B query rows.
Index slots_per_example(const char* op, const Matrix& memory, Index batch);

}  // namespace mann::detail
