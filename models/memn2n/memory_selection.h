#pragma once
// How one MemN2N hop chooses what to read: the weighting p over memory slots given the input memories m_i
// and the controller state u. Every hop goes through select_memory, so swapping the addressing scheme
// (hard, Gumbel, cosine ...) is a change here only.
#include "framework/autodiff/tape.h"

namespace mann {

enum class AttentionMode {
  Softmax,  // p = softmax(u^T m_i) over the example's memories (sec. 2.1), i.e. soft content addressing, dot
  Linear    // p = u^T m_i without the softmax: the "linear start" phase of training (sec. 4.2)
};

// memory (B*N x d), query (B x d), mask (B x N; 0 = no memory in that slot) -> weights (B x N), zero on
// masked slots.
Var select_memory(Var memory, Var query, const Matrix& mask, AttentionMode mode);

}  // namespace mann
