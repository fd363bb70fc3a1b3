// Gradient checks of whole NTMs unrolled over a few steps: every parameter (controller, heads' addressing,
// erase/add, learned initial state, output layer) against central differences.
#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "tests/ntm/ntm_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("ntm");

namespace {

// Checks d(sum R .* logits)/d(parameters) of the model over a fixed batch.
GradCheckResult check_model(const NTMOptions& options, int batch, int steps, uint64_t seed) {
  ParameterCollection params(seed);
  Rng rng(seed);
  NTMSequenceModel model(params.scope("ntm"), 3, 2, options, rng);
  const SequenceBatch b = random_batch(batch, steps, 3, 2, seed + 1);
  auto f = [&](Tape& tape) {
    ForwardContext ctx;
    ctx.training = false;
    return concat_rows(model.forward(tape, b, ctx));
  };
  return gradient_check_params(f, params.parameters());
}

}  // namespace

TEST_CASE("tiny NTM (the default architecture) unrolled 3 steps: gradients of all parameters") {
  const GradCheckResult r = check_model(tiny_ntm_options(), 1, 3, 3);
  CHECK_MESSAGE(r.ok, r.describe());
}

TEST_CASE("tiny NTM with two read and two write heads, learned memory, batch 2: gradients") {
  NTMOptions o = tiny_ntm_options();
  o.read_heads = 2;
  o.write_heads = 2;
  o.memory_init = MemoryInit::Learned;
  o.memory_init_value = 0.1f;
  o.write.add_activation = AddActivation::Tanh;
  const GradCheckResult r = check_model(o, 2, 3, 5);
  CHECK_MESSAGE(r.ok, r.describe());
}

TEST_CASE("tiny NTM with a two-layer feed-forward controller: gradients") {
  NTMOptions o = tiny_ntm_options();
  o.controller = ControllerKind::FeedForward;
  o.controller_layers = 2;
  o.weighting_init = WeightingInit::Uniform;
  const GradCheckResult r = check_model(o, 1, 3, 9);
  CHECK_MESSAGE(r.ok, r.describe());
}

TEST_SUITE_END();
