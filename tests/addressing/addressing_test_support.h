#pragma once
// Shorthands for addressing tests: gradient checks of a whole module (its parameters plus memory, query
// and previous weighting as inputs), and common fixtures.
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "framework/addressing/addressing_module.h"
#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "framework/nn/parameter_collection.h"

namespace mann::testing {

// Inputs of one addressing call, held as Parameters so that gradient_check_params perturbs them too.
struct AddressingInputs {
  Parameter memory;
  Parameter query;
  std::unique_ptr<Parameter> previous;  // null: module does not use one
  Matrix mask;                          // empty: no mask

  AddressingInputs(Index batch, Index slots, Index memory_width, Index query_width, uint64_t seed)
      : memory("memory", Rng(seed).uniform_matrix(batch * slots, memory_width, -1.f, 1.f)),
        query("query", Rng(seed + 1).uniform_matrix(batch, query_width, -1.f, 1.f)) {}

  const Matrix* mask_ptr() const { return mask.size() ? &mask : nullptr; }
  void set_previous(const Matrix& w) { previous = std::make_unique<Parameter>("previous", w); }
};

// Checks d(sum R .* [w | read])/d(everything): the weighting and the read it gives.
inline GradCheckResult check_addressing_gradients(AddressingModule& module, ParameterCollection& params,
                                                  AddressingInputs& in,
                                                  const GradCheckOptions& options = {}) {
  std::vector<Parameter*> all = params.parameters();
  all.push_back(&in.memory);
  all.push_back(&in.query);
  if (in.previous) all.push_back(in.previous.get());
  auto f = [&](Tape& t) {
    AddressingContext ctx;
    ctx.training = false;
    Var mem = t.param(in.memory);
    Var prev = in.previous ? t.param(*in.previous) : Var{};
    Var w = module.address(t, mem, in.mask_ptr(), t.param(in.query), prev, ctx, "");
    return concat_cols({w, memory_read(w, mem)});
  };
  return gradient_check_params(f, all, options);
}

#define MANN_CHECK_ADDRESSING_GRADIENTS(module, params, inputs)                                    \
  do {                                                                                             \
    const auto mann_result_ = ::mann::testing::check_addressing_gradients(module, params, inputs); \
    CHECK_MESSAGE(mann_result_.ok, mann_result_.describe());                                       \
  } while (0)

// A (B x N) mask with example b's last `empty[b]` slots unusable.
inline Matrix tail_mask(Index slots, const std::vector<int>& empty) {
  Matrix m = Matrix::Ones(static_cast<Index>(empty.size()), slots);
  for (size_t b = 0; b < empty.size(); ++b)
    for (int k = 0; k < empty[b]; ++k) m(static_cast<Index>(b), slots - 1 - k) = 0.f;
  return m;
}

}  // namespace mann::testing
