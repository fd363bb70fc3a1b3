#include "models/memn2n/memory_selection.h"

#include "framework/autodiff/ops.h"

namespace mann {

Var linear_attention(Var memory, Var query, const Matrix& mask) {
  return mul(memory_dot(memory, query), memory.tape->constant(mask));
}

}  // namespace mann
