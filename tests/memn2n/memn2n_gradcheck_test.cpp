// Gradient checks of the whole MemN2N forward pass over its parameters, for every variant that changes the
// graph: adjacent and layer-wise (H) tying, position and bag-of-words encoding, temporal encoding, softmax
// and linear-start attention, the ReLU between hops.
#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "models/memn2n/memn2n_model.h"
#include "tests/memn2n/memn2n_test_support.h"

using namespace mann;

namespace {

// linear: every hop in its linear form (linear start), else the softmax.
void check_memn2n_gradients(const MemN2NOptions& options, bool linear) {
  ParameterCollection params(3);
  Rng rng(11);
  MemN2NOptions o = options;
  o.vocab = 7;
  o.dim = 4;
  o.memory_size = 6;
  o.init_std = 0.5f;  // large enough that attention is far from uniform
  MemN2N model(params.scope("model"), o, rng);
  const BabiBatch batch = make_babi_batch(testing::tiny_babi_examples(), {0, 1}, testing::tiny_babi_shape());
  MemN2NInput in;
  make_memn2n_input(batch, o.encoding, o.dim, in);
  // Nil rows stay zero by construction and get gradient only through unknown words; check the rest.
  std::vector<Parameter*> checked = params.trainable_parameters();
  const GradCheckResult r = gradient_check_params(
      [&](Tape& tape) {
        AddressingContext ctx{.training = false, .linear = linear};
        const MemN2N::Output out = model.forward(tape, in, ctx);
        return softmax_cross_entropy(out.logits, batch.answer);
      },
      checked);
  CHECK_MESSAGE(r.ok, r.describe());
}

}  // namespace

TEST_CASE("MemN2N gradients: adjacent tying, PE, TE, softmax") {
  check_memn2n_gradients(MemN2NOptions{}, /*linear=*/false);
}

TEST_CASE("MemN2N gradients: adjacent tying, PE, TE, linear start") {
  check_memn2n_gradients(MemN2NOptions{}, /*linear=*/true);
}

TEST_CASE("MemN2N gradients: an activation on the state after every hop (the non-linear variant)") {
  // The wiring is checked with tanh: a central difference across ReLU's kink is wrong by construction, and
  // this tiny model's states pass close to zero; relu's own gradient is checked with the elementwise ops.
  MemN2NOptions o;
  o.hop_activation = Activation::Tanh;
  check_memn2n_gradients(o, /*linear=*/false);
  o.tying = WeightTying::LayerWise;
  check_memn2n_gradients(o, /*linear=*/false);
}

TEST_CASE("MemN2N gradients: layer-wise tying with H, PE, TE") {
  MemN2NOptions o;
  o.tying = WeightTying::LayerWise;
  check_memn2n_gradients(o, /*linear=*/false);
}

TEST_CASE("MemN2N gradients: bag of words without temporal encoding, one hop") {
  MemN2NOptions o;
  o.hops = 1;
  o.encoding = SentenceEncoding::BagOfWords;
  o.temporal = false;
  check_memn2n_gradients(o, /*linear=*/false);
}
