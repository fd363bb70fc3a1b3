#include "framework/memory/ntm_write.h"

#include "framework/autodiff/errors.h"

namespace mann {

Var ntm_write(Var memory, Var weights, Var erase, Var add_vector) {
  const Index batch = weights.rows(), slots = weights.cols(), width = memory.cols();
  if (memory.rows() != batch * slots || erase.rows() != batch || erase.cols() != width ||
      add_vector.rows() != batch || add_vector.cols() != width)
    throw ShapeError("ntm_write: memory " + shape_string(memory.value()) + ", weights " +
                     shape_string(weights.value()) + ", erase " + shape_string(erase.value()) + ", add " +
                     shape_string(add_vector.value()) +
                     " do not fit (expected B*N x M, B x N, B x M, B x M)");
  return add(mul(memory, rsub_scalar(1.f, outer(weights, erase))), outer(weights, add_vector));
}

}  // namespace mann
