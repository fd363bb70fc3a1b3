#include "framework/autodiff/op_support.h"

namespace mann::detail {

void shape_error(const char* op, const std::string& what) {
  throw ShapeError(std::string(op) + ": " + what);
}

Shape broadcast_shape(const char* op, const Matrix& a, const Matrix& b) {
  const Shape out{std::max(a.rows(), b.rows()), std::max(a.cols(), b.cols())};
  auto fits = [&](const Matrix& x) {
    return (x.rows() == out.rows || x.rows() == 1) && (x.cols() == out.cols || x.cols() == 1);
  };
  if (!fits(a) || !fits(b))
    shape_error(op, "cannot broadcast " + shape_string(a) + " with " + shape_string(b));
  return out;
}

Index slots_per_example(const char* op, const Matrix& memory, Index batch) {
  if (batch <= 0 || memory.rows() % batch != 0)
    shape_error(
        op, "memory " + shape_string(memory) + " does not split into " + std::to_string(batch) + " examples");
  return memory.rows() / batch;
}

}  // namespace mann::detail
