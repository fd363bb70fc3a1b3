#pragma once
// Token ids as a (1 x n) matrix, the form attention maps store a source, target or generated sequence in.
#include <vector>

#include "framework/autodiff/matrix.h"

namespace mann {

inline Matrix token_row(const std::vector<int>& ids) {
  Matrix m(1, static_cast<Index>(ids.size()));
  for (size_t i = 0; i < ids.size(); ++i) m(0, static_cast<Index>(i)) = static_cast<float>(ids[i]);
  return m;
}

}  // namespace mann
