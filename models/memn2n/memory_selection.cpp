#include "models/memn2n/memory_selection.h"

#include "framework/autodiff/ops.h"

namespace mann {

Var select_memory(Var memory, Var query, const Matrix& mask, AttentionMode mode) {
  Var scores = memory_dot(memory, query);
  if (mode == AttentionMode::Linear) return mul(scores, memory.tape->constant(mask));
  return masked_softmax_rows(scores, mask);
}

}  // namespace mann
