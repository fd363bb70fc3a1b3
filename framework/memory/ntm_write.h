#pragma once
// The NTM write (Graves et al. 2014, section 3.2): each example's memory is first erased, then added to,
// in proportion to the write weighting:
//
//   M'_i = M_i o (1 - w_i e) + w_i a        (eq. 3 and 4), o = elementwise product
//
// memory (B*N x M), weights (B x N), erase e in [0, 1] (B x M), add a (B x M). Built from per-example
// outer products (outer(w, e) is (B*N x M), aligned with the memory's rows), so it is differentiable in all
// four inputs.
#include <span>

#include "framework/autodiff/ops.h"

namespace mann {

// One head's write: M' = M o (1 - w e) + w a.
Var ntm_write(Var memory, Var weights, Var erase, Var add_vector);

// Several heads writing in the same step: every head's erase first, then every head's add, so that no head
// erases what another head added in this step (with one head, eq. 3-4 exactly). weights[j], erase[j] and
// add_vectors[j] belong to head j; the three spans have the same length (zero heads leave memory as it is).
Var ntm_write(Var memory, std::span<const Var> weights, std::span<const Var> erase,
              std::span<const Var> add_vectors);

}  // namespace mann
