// soft_content: gradient checks for every score (with a mask), masking, shapes, recording.
#include <cmath>

#include "framework/addressing/soft_content.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("addressing");

namespace {

constexpr Index kBatch = 3, kSlots = 5, kWidth = 4, kQuery = 3;
const ContentScore kScores[] = {ContentScore::Dot, ContentScore::ScaledDot, ContentScore::Cosine,
                                ContentScore::Additive};

}  // namespace

TEST_CASE("soft_content gradients, every score, with a mask") {
  for (ContentScore score : kScores) {
    for (bool fixed_beta : {false, true}) {
      if (fixed_beta && score != ContentScore::Cosine) continue;
      CAPTURE(std::string(enum_name(score)));
      CAPTURE(fixed_beta);
      ParameterCollection pc(1);
      Rng rng(2);
      SoftContentOptions o;
      o.score = score;
      o.learn_key_strength = !fixed_beta;
      o.key_strength = 3.f;
      o.additive_hidden = 6;
      SoftContentAddressing m(pc.scope("attn"), {kQuery, kWidth, kSlots}, rng, o);
      AddressingInputs in(kBatch, kSlots, kWidth, kQuery, 10);
      in.mask = tail_mask(kSlots, {0, 2, 4});
      MANN_CHECK_ADDRESSING_GRADIENTS(m, pc, in);
    }
  }
  // Unprojected dot and scaled_dot: the query is the key.
  for (ContentScore score : {ContentScore::Dot, ContentScore::ScaledDot}) {
    ParameterCollection pc(1);
    Rng rng(2);
    SoftContentOptions o;
    o.score = score;
    SoftContentAddressing m(pc.scope("attn"), {kWidth, kWidth, kSlots}, rng, o);
    CHECK_FALSE(m.projects_key());
    CHECK(pc.size() == 0);
    AddressingInputs in(kBatch, kSlots, kWidth, kWidth, 11);
    in.mask = tail_mask(kSlots, {1, 0, 3});
    MANN_CHECK_ADDRESSING_GRADIENTS(m, pc, in);
  }
}

TEST_CASE("soft_content scores match their definitions") {
  ParameterCollection pc(1);
  Rng rng(3);
  Tape t;
  AddressingInputs in(2, 4, 3, 3, 20);
  Var mem = t.constant(in.memory.value), q = t.constant(in.query.value);
  const Matrix& M = in.memory.value;
  const Matrix& Q = in.query.value;
  SoftContentOptions o;
  o.project_key = false;
  o.score = ContentScore::Dot;
  SoftContentAddressing dot(pc.scope("dot"), {3, 3, 4}, rng, o);
  o.score = ContentScore::ScaledDot;
  SoftContentAddressing scaled(pc.scope("scaled"), {3, 3, 4}, rng, o);
  o.score = ContentScore::Cosine;
  o.learn_key_strength = false;
  o.key_strength = 2.f;
  SoftContentAddressing cosine(pc.scope("cos"), {3, 3, 4}, rng, o);
  const float expected = M.row(5).dot(Q.row(1));
  CHECK(dot.scores(t, mem, nullptr, q).value()(1, 1) == doctest::Approx(expected));
  CHECK(scaled.scores(t, mem, nullptr, q).value()(1, 1) == doctest::Approx(expected / std::sqrt(3.f)));
  CHECK(cosine.scores(t, mem, nullptr, q).value()(1, 1) ==
        doctest::Approx(2.f * expected / (M.row(5).norm() * Q.row(1).norm())).epsilon(1e-4));

  AddressingContext ctx;
  const Matrix w = dot.address(t, mem, nullptr, q, Var{}, ctx, "").value();
  CHECK(w.rowwise().sum().isApprox(Matrix::Ones(2, 1)));
}

TEST_CASE("the linear form (linear start): dot scores without the softmax, zero on masked slots") {
  ParameterCollection pc(1);
  Rng rng(3);
  SoftContentOptions o;
  o.project_key = false;
  o.score = ContentScore::Dot;
  SoftContentAddressing dot(pc.scope("dot"), {3, 3, 4}, rng, o);
  CHECK(dot.has_linear_form());
  AddressingInputs in(2, 4, 3, 3, 20);
  const Matrix mask{{1, 1, 0, 1}, {1, 0, 0, 0}};
  Tape t;
  Var mem = t.constant(in.memory.value), q = t.constant(in.query.value);
  AddressingContext linear{.training = false, .linear = true};
  const Matrix w = dot.address(t, mem, &mask, q, Var{}, linear, "").value();
  const Matrix expected = dot.scores(t, mem, &mask, q).value().cwiseProduct(mask);
  CHECK(w == expected);
  CHECK(w(0, 2) == 0.f);
  CHECK_FALSE(w.row(0).sum() == doctest::Approx(1.f));  // no softmax
  // Its gradient, through the memory and the query.
  const GradCheckResult r = gradient_check_params(
      [&](Tape& tape) {
        AddressingContext ctx{.training = false, .linear = true};
        Var m = tape.param(in.memory);
        return sum(memory_read(dot.address(tape, m, &mask, tape.param(in.query), Var{}, ctx, ""), m));
      },
      {&in.memory, &in.query});
  CHECK_MESSAGE(r.ok, r.describe());
  // Other scores have no linear form; asking one for it is a programming error that names the module.
  for (ContentScore score : {ContentScore::ScaledDot, ContentScore::Cosine, ContentScore::Additive}) {
    o.score = score;
    SoftContentAddressing other(pc.scope("other" + std::string(enum_name(score))), {3, 3, 4}, rng, o);
    CHECK_FALSE(other.has_linear_form());
    CHECK_THROWS_WITH_AS(other.address(t, mem, &mask, q, Var{}, linear, ""),
                         doctest::Contains("has no linear form"), std::logic_error);
  }
}

TEST_CASE("soft_content never weights masked or empty slots") {
  for (ContentScore score : kScores) {
    CAPTURE(std::string(enum_name(score)));
    ParameterCollection pc(1);
    Rng rng(4);
    SoftContentOptions o;
    o.score = score;
    SoftContentAddressing m(pc.scope("attn"), {kQuery, kWidth, kSlots}, rng, o);
    AddressingInputs in(3, kSlots, kWidth, kQuery, 30);
    // Large scores on the masked slots must not leak through; example 2 has no usable slot at all.
    in.memory.value *= 50.f;
    const Matrix mask{{1, 0, 1, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}};
    Tape t;
    AddressingContext ctx;
    Var mem = t.variable(in.memory.value);
    Var w = m.address(t, mem, &mask, t.variable(in.query.value), Var{}, ctx, "");
    REQUIRE(w.value().allFinite());
    CHECK((w.value().array() * (1.f - mask.array())).abs().maxCoeff() == 0.f);
    CHECK(w.value().row(0).sum() == doctest::Approx(1.f));
    CHECK(w.value()(1, 4) == doctest::Approx(1.f));
    CHECK(w.value().row(2).isZero());
    // Masked slots' contents get no gradient through the read either.
    t.backward(sum(memory_read(w, mem)));
    CHECK(mem.grad().row(1).isZero());
    CHECK(mem.grad().middleRows(10, 5).isZero());
  }
}

TEST_CASE("soft_content shape errors name the module") {
  ParameterCollection pc(1);
  Rng rng(5);
  SoftContentOptions o;
  o.score = ContentScore::Dot;
  o.project_key = false;
  CHECK_THROWS_WITH_AS(SoftContentAddressing(pc.scope("model/read0"), {3, 4, 5}, rng, o),
                       doctest::Contains("model/read0"), ShapeError);
  SoftContentAddressing m(pc.scope("model/read1"), {3, 4, 5}, rng, {});
  Tape t;
  AddressingContext ctx;
  CHECK_THROWS_WITH_AS(
      m.address(t, t.constant(Matrix::Zero(10, 4)), nullptr, t.constant(Matrix::Zero(2, 2)), Var{}, ctx, ""),
      doctest::Contains("model/read1"), ShapeError);
  CHECK_THROWS_AS(
      m.address(t, t.constant(Matrix::Zero(12, 4)), nullptr, t.constant(Matrix::Zero(2, 3)), Var{}, ctx, ""),
      ShapeError);  // 6 slots, expected 5
  const Matrix bad_mask = Matrix::Ones(2, 4);
  CHECK_THROWS_AS(m.address(t, t.constant(Matrix::Zero(10, 4)), &bad_mask, t.constant(Matrix::Zero(2, 3)),
                            Var{}, ctx, ""),
                  ShapeError);
}

TEST_CASE("attention recorder keeps a time series per name") {
  ParameterCollection pc(1);
  Rng rng(6);
  SoftContentAddressing m(pc.scope("attn"), {kQuery, kWidth, kSlots}, rng, {});
  AttentionRecorder recorder;
  AddressingContext ctx;
  ctx.recorder = &recorder;
  Tape t;
  AddressingInputs in(2, kSlots, kWidth, kQuery, 40);
  for (int step = 0; step < 3; ++step)
    m.address(t, t.constant(in.memory.value), nullptr, t.constant(in.query.value), Var{}, ctx, "read");
  m.address(t, t.constant(in.memory.value), nullptr, t.constant(in.query.value), Var{}, ctx,
            "");  // not recorded
  REQUIRE(recorder.entries().size() == 1);
  CHECK(recorder.find("read")->steps.size() == 3);
  const Matrix ex = recorder.example("read", 1);
  CHECK(ex.rows() == 3);
  CHECK(ex.cols() == kSlots);
  CHECK(ex.row(0).sum() == doctest::Approx(1.f));
  recorder.clear();
  CHECK(recorder.entries().empty());
}

TEST_SUITE_END();
