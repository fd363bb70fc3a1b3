// ntm_location: gradients (shift r = 1 and 2, sharpening), behaviour of gate / shift / key strength,
// numerical safety, masking; the NTM write.
#include <cmath>

#include "framework/addressing/ntm_location.h"
#include "framework/memory/ntm_write.h"
#include "framework/memory/ntm_write_head.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("addressing");

namespace {

// Head outputs as constants, for behaviour tests of the pipeline.
struct Head {
  Matrix key, beta, gate, shift, gamma;
};

Matrix address_with(Tape& t, const Matrix& memory, const Matrix* mask, const Head& h, const Matrix& previous,
                    int r = 1) {
  NTMLocationOptions o;
  o.shift_range = r;
  return NTMLocationAddressing::address_with(t.constant(memory), mask, t.constant(h.key), t.constant(h.beta),
                                             t.constant(h.gate), t.constant(h.shift), t.constant(h.gamma),
                                             t.constant(previous), o)
      .value();
}

}  // namespace

TEST_CASE("ntm_location gradients with shift range 1 and 2, with and without a mask") {
  for (int r : {1, 2}) {
    for (bool masked : {false, true}) {
      CAPTURE(r);
      CAPTURE(masked);
      ParameterCollection pc(7);
      Rng rng(8);
      NTMLocationOptions o;
      o.shift_range = r;
      const Index slots = 6, width = 4, query = 5;
      NTMLocationAddressing m(pc.scope("head"), {query, width, slots}, rng, o);
      AddressingInputs in(2, slots, width, query, 50 + static_cast<uint64_t>(r));
      // A previous weighting with mass everywhere, so the gate's and shift's effects are all visible.
      Matrix prev = Rng(60).uniform_matrix(2, slots, 0.1f, 1.f);
      prev.array().colwise() /= prev.rowwise().sum().array();
      in.set_previous(prev);
      if (masked) in.mask = tail_mask(slots, {0, 2});
      MANN_CHECK_ADDRESSING_GRADIENTS(m, pc, in);
    }
  }
}

TEST_CASE("ntm_location: gate 0 and a +1 shift move the focus one slot") {
  Tape t;
  const Matrix memory = Rng(70).uniform_matrix(5, 3, -1.f, 1.f);
  const Matrix prev{{0.f, 1.f, 0.f, 0.f, 0.f}};
  Head h{Matrix::Ones(1, 3), Matrix::Constant(1, 1, 5.f), Matrix::Zero(1, 1), Matrix{{0.f, 0.f, 1.f}},
         Matrix::Constant(1, 1, 1.f)};
  Matrix w = address_with(t, memory, nullptr, h, prev);
  CHECK(w(0, 2) == doctest::Approx(1.f).epsilon(1e-4));
  CHECK(w.sum() == doctest::Approx(1.f));
  // Wraps around at the end; -1 moves back.
  w = address_with(t, memory, nullptr, h, Matrix{{0.f, 0.f, 0.f, 0.f, 1.f}});
  CHECK(w(0, 0) == doctest::Approx(1.f).epsilon(1e-4));
  h.shift = Matrix{{1.f, 0.f, 0.f}};
  w = address_with(t, memory, nullptr, h, prev);
  CHECK(w(0, 0) == doctest::Approx(1.f).epsilon(1e-4));
  // r = 2: +2.
  h.shift = Matrix{{0.f, 0.f, 0.f, 0.f, 1.f}};
  w = address_with(t, memory, nullptr, h, prev, 2);
  CHECK(w(0, 3) == doctest::Approx(1.f).epsilon(1e-4));
}

TEST_CASE("ntm_location: large beta focuses on the best match; sharpening sharpens") {
  Tape t;
  Matrix memory = Rng(71).uniform_matrix(6, 4, -1.f, 1.f);
  const Matrix key = memory.row(3) + 0.05f * Rng(72).uniform_matrix(1, 4, -1.f, 1.f);
  Head h{key, Matrix::Constant(1, 1, 200.f), Matrix::Ones(1, 1), Matrix{{0.f, 1.f, 0.f}}, Matrix::Ones(1, 1)};
  const Matrix prev = NTMLocationAddressing::initial_weighting(1, 6);
  Matrix w = address_with(t, memory, nullptr, h, prev);
  REQUIRE(w.allFinite());
  Index best;
  w.row(0).maxCoeff(&best);
  CHECK(best == 3);
  CHECK(w(0, 3) > 0.95f);
  // Weak key strength and a blurring shift spread the weight; gamma = 10 concentrates it again.
  h.beta(0, 0) = 1.f;
  h.shift = Matrix{{0.25f, 0.5f, 0.25f}};
  const Matrix blurred = address_with(t, memory, nullptr, h, prev);
  h.gamma(0, 0) = 10.f;
  const Matrix sharp = address_with(t, memory, nullptr, h, prev);
  CHECK(sharp.maxCoeff() > blurred.maxCoeff() + 0.2f);
  CHECK(sharp.sum() == doctest::Approx(1.f));
}

TEST_CASE("ntm_location is finite for zero memory, tiny weights, large beta and gamma") {
  ParameterCollection pc(9);
  Rng rng(10);
  NTMLocationAddressing m(pc.scope("head"), {3, 4, 5}, rng, {});
  // Push every head output to its extremes through the biases.
  pc.at("head/beta/b").value.setConstant(500.f);
  pc.at("head/gamma/b").value.setConstant(80.f);
  pc.at("head/gate/b").value.setConstant(-40.f);
  for (bool zero_query : {false, true}) {
    Tape t;
    AddressingContext ctx;
    Var mem = t.variable(Matrix::Zero(10, 4));
    Var q = t.variable(zero_query ? Matrix::Zero(2, 3) : Rng(11).uniform_matrix(2, 3, -1.f, 1.f));
    Matrix tiny = Matrix::Constant(2, 5, 1e-30f);
    tiny(0, 0) = 1.f;
    Var prev = t.variable(tiny);
    Var w = m.address(t, mem, nullptr, q, prev, ctx, "");
    REQUIRE(w.value().allFinite());
    CHECK(w.value().rowwise().sum().isApprox(Matrix::Ones(2, 1)));
    t.backward(sum(mul(w, t.constant(Rng(12).uniform_matrix(2, 5, -1.f, 1.f)))));
    CHECK(mem.grad().allFinite());
    CHECK(q.grad().allFinite());
    CHECK(prev.grad().allFinite());
    for (Parameter* p : pc.parameters()) CHECK_MESSAGE(p->grad.allFinite(), p->name);
  }
  // An invalid previous weighting means the initial one (one-hot on the first usable slot).
  const Matrix mask{{0, 1, 1, 1, 0}, {1, 1, 1, 1, 1}};
  const Matrix init = NTMLocationAddressing::initial_weighting(2, 5, &mask);
  CHECK(init == Matrix{{0, 1, 0, 0, 0}, {1, 0, 0, 0, 0}});
}

TEST_CASE("ntm_location never weights masked slots, even after a shift onto them") {
  ParameterCollection pc(13);
  Rng rng(14);
  NTMLocationAddressing m(pc.scope("head"), {3, 4, 6}, rng, {});
  pc.at("head/gate/b").value.setConstant(-20.f);           // follow the previous weighting...
  pc.at("head/shift/b").value = Matrix{{0.f, 0.f, 20.f}};  // ...shifted by +1
  const Matrix mask{{1, 1, 1, 0, 0, 0}, {1, 0, 1, 0, 1, 1}};
  Tape t;
  AddressingContext ctx;
  Matrix prev{{0, 0, 1, 0, 0, 0}, {1, 0, 0, 0, 0, 0}};  // +1 lands on a masked slot in both
  Var w = m.address(t, t.constant(Rng(15).uniform_matrix(12, 4, -1.f, 1.f)), &mask,
                    t.constant(Rng(16).uniform_matrix(2, 3, -1.f, 1.f)), t.constant(prev), ctx, "");
  REQUIRE(w.value().allFinite());
  CHECK((w.value().array() * (1.f - mask.array())).abs().maxCoeff() == 0.f);
  CHECK(w.value().rowwise().sum().isApprox(Matrix::Ones(2, 1)));
  CHECK_THROWS_AS(
      NTMLocationAddressing(pc.scope("narrow"), {3, 4, 4}, rng, NTMLocationOptions{.shift_range = 2}),
      ShapeError);
}

TEST_CASE("ntm_write: erase then add, gradient-checked") {
  const Index batch = 2, slots = 3, width = 4;
  const Matrix memory = Rng(80).uniform_matrix(batch * slots, width, -1.f, 1.f);
  const Matrix weights = Rng(81).uniform_matrix(batch, slots, 0.f, 1.f);
  const Matrix erase = Rng(82).uniform_matrix(batch, width, 0.f, 1.f);
  const Matrix add = Rng(83).uniform_matrix(batch, width, -1.f, 1.f);
  const auto result =
      gradient_check([](Tape&, const std::vector<Var>& v) { return ntm_write(v[0], v[1], v[2], v[3]); },
                     {memory, weights, erase, add});
  CHECK_MESSAGE(result.ok, result.describe());

  Tape t;
  const Matrix out =
      ntm_write(t.constant(memory), t.constant(weights), t.constant(erase), t.constant(add)).value();
  for (Index b = 0; b < batch; ++b)
    for (Index i = 0; i < slots; ++i)
      for (Index j = 0; j < width; ++j) {
        const float w = weights(b, i);
        CHECK(out(b * slots + i, j) ==
              doctest::Approx(memory(b * slots + i, j) * (1.f - w * erase(b, j)) + w * add(b, j)));
      }
  // Full erase with a one-hot weighting replaces the slot.
  const Matrix replaced = ntm_write(t.constant(memory), t.constant(Matrix{{0, 1, 0}, {0, 0, 0}}),
                                    t.constant(Matrix::Ones(2, width)), t.constant(add))
                              .value();
  CHECK(replaced.row(1).isApprox(add.row(0)));
  CHECK(replaced.row(0) == memory.row(0));
  CHECK(replaced.bottomRows(3) == memory.bottomRows(3));
  CHECK_THROWS_AS(
      ntm_write(t.constant(memory), t.constant(weights), t.constant(Matrix::Ones(2, 3)), t.constant(add)),
      ShapeError);
}

TEST_CASE("ntm_write with two heads: both erase before either adds, gradient-checked") {
  const Index batch = 2, slots = 3, width = 2;
  const Matrix memory = Rng(90).uniform_matrix(batch * slots, width, -1.f, 1.f);
  const std::vector<Matrix> inputs = {memory,
                                      Rng(91).uniform_matrix(batch, slots, 0.f, 1.f),
                                      Rng(92).uniform_matrix(batch, slots, 0.f, 1.f),
                                      Rng(93).uniform_matrix(batch, width, 0.f, 1.f),
                                      Rng(94).uniform_matrix(batch, width, 0.f, 1.f),
                                      Rng(95).uniform_matrix(batch, width, -1.f, 1.f),
                                      Rng(96).uniform_matrix(batch, width, -1.f, 1.f)};
  const auto two_heads = [](Tape&, const std::vector<Var>& v) {
    return ntm_write(v[0], std::vector<Var>{v[1], v[2]}, std::vector<Var>{v[3], v[4]},
                     std::vector<Var>{v[5], v[6]});
  };
  const auto result = gradient_check(two_heads, inputs);
  CHECK_MESSAGE(result.ok, result.describe());

  // Head 0 fully erases and rewrites slot 0 while head 1 fully erases slot 0 too: head 0's add survives.
  Tape t;
  const Matrix hot{{1, 0, 0}, {0, 0, 0}};
  const Matrix ones = Matrix::Ones(batch, width);
  const Matrix added = Rng(97).uniform_matrix(batch, width, -1.f, 1.f);
  const std::vector<Var> weights{t.constant(hot), t.constant(hot)};
  const std::vector<Var> erase{t.constant(ones), t.constant(ones)};
  const std::vector<Var> adds{t.constant(added), t.constant(Matrix::Zero(batch, width))};
  const Matrix out = ntm_write(t.constant(memory), weights, erase, adds).value();
  CHECK(out.row(0) == added.row(0));
  CHECK(out.bottomRows(5) == memory.bottomRows(5));
  const std::vector<Var> none;
  CHECK(ntm_write(t.constant(memory), none, none, none).value() == memory);
  CHECK_THROWS_AS(ntm_write(t.constant(memory), weights, erase, std::vector<Var>{adds[0]}), ShapeError);
}

TEST_CASE("NTM write head gradients through erase and add projections") {
  for (AddActivation act : {AddActivation::Tanh, AddActivation::Linear}) {
    ParameterCollection pc(17);
    Rng rng(18);
    NTMWriteHead head(pc.scope("write"), 5, 4, rng, {.add_activation = act});
    CHECK(pc.contains("write/erase/W"));
    CHECK(pc.contains("write/add/b"));
    Parameter memory("memory", Rng(19).uniform_matrix(6, 4, -1.f, 1.f));
    Parameter weights("weights", Rng(20).uniform_matrix(2, 3, 0.f, 1.f));
    Parameter controller("controller", Rng(21).uniform_matrix(2, 5, -1.f, 1.f));
    std::vector<Parameter*> all = pc.parameters();
    all.insert(all.end(), {&memory, &weights, &controller});
    const auto result = gradient_check_params(
        [&](Tape& t) { return head.write(t, t.param(memory), t.param(weights), t.param(controller)); }, all);
    CHECK_MESSAGE(result.ok, result.describe());
  }
}

TEST_SUITE_END();
