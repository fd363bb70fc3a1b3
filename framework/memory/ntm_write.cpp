#include "framework/memory/ntm_write.h"

#include <string>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

void check_head_shapes(Var memory, Var weights, Var erase, Var add_vector) {
  const Index batch = weights.rows(), slots = weights.cols(), width = memory.cols();
  if (memory.rows() != batch * slots || erase.rows() != batch || erase.cols() != width ||
      add_vector.rows() != batch || add_vector.cols() != width)
    throw ShapeError("ntm_write: memory " + shape_string(memory.value()) + ", weights " +
                     shape_string(weights.value()) + ", erase " + shape_string(erase.value()) + ", add " +
                     shape_string(add_vector.value()) +
                     " do not fit (expected B*N x M, B x N, B x M, B x M)");
}

}  // namespace

Var ntm_write(Var memory, Var weights, Var erase, Var add_vector) {
  return ntm_write(memory, std::span<const Var>(&weights, 1), std::span<const Var>(&erase, 1),
                   std::span<const Var>(&add_vector, 1));
}

Var ntm_write(Var memory, std::span<const Var> weights, std::span<const Var> erase,
              std::span<const Var> add_vectors) {
  if (erase.size() != weights.size() || add_vectors.size() != weights.size())
    throw ShapeError("ntm_write: " + std::to_string(weights.size()) + " weightings, " +
                     std::to_string(erase.size()) + " erase and " + std::to_string(add_vectors.size()) +
                     " add vectors (expected one of each per head)");
  for (size_t j = 0; j < weights.size(); ++j) check_head_shapes(memory, weights[j], erase[j], add_vectors[j]);
  // Multiplication commutes, so the order of the erasures does not matter; adds come after all of them.
  for (size_t j = 0; j < weights.size(); ++j)
    memory = mul(memory, rsub_scalar(1.f, outer(weights[j], erase[j])));
  for (size_t j = 0; j < weights.size(); ++j) memory = add(memory, outer(weights[j], add_vectors[j]));
  return memory;
}

}  // namespace mann
