#pragma once
// How one MemN2N hop weights its memories. Normally through the hop's addressing module (soft_content with
// dot scores is the paper's p = softmax(u . m_i); hard and gumbel swap in by config). During linear start
// (sec. 4.2) the softmax is removed: p = u . m_i on the example's memories.
#include "framework/autodiff/tape.h"

namespace mann {

enum class AttentionMode {
  Addressing,  // the hop's addressing module
  Linear       // p = u^T m_i without the softmax: the "linear start" phase of training (sec. 4.2)
};

// memory (B*N x d), query (B x d), mask (B x N; 0 = no memory in that slot) -> u . m_i, zero on masked slots.
Var linear_attention(Var memory, Var query, const Matrix& mask);

}  // namespace mann
