#pragma once
// The one numeric type of mann: a dense float matrix, row-major so that one example (a row) or one memory
// slot is contiguous, and so that HDF5 (row-major) datasets map onto it without transposition.
#include <Eigen/Core>

#include <string>

namespace mann {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Index = Eigen::Index;

inline std::string shape_string(Index rows, Index cols) {
  return "(" + std::to_string(rows) + "x" + std::to_string(cols) + ")";
}
inline std::string shape_string(const Matrix& m) {
  return shape_string(m.rows(), m.cols());
}

}  // namespace mann
