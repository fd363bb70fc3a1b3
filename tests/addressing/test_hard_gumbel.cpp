// hard (REINFORCE) and gumbel-softmax attention: sampling, masking, policy log, relaxed gradients.
#include <cmath>

#include "framework/addressing/gumbel_attention.h"
#include "framework/addressing/hard_attention.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("addressing");

namespace {

constexpr Index kSlots = 5, kWidth = 4, kQuery = 3;
const Matrix kMask{{1, 0, 1, 0, 1}, {0, 0, 0, 1, 0}, {1, 1, 1, 1, 1}};

// How often a sampling module picks each slot over `draws` training-mode reads (the mean of its weights),
// checking on every draw that masked slots get nothing; `probs` is the scorer's distribution to compare with.
template <class Module>
Matrix mean_selection(Module& m, const AddressingInputs& in, Rng& sampler, int draws, Matrix& probs) {
  AddressingContext ctx;
  ctx.rng = &sampler;
  Matrix mean = Matrix::Zero(in.query.value.rows(), kSlots);
  for (int i = 0; i < draws; ++i) {
    Tape t;
    Var mem = t.constant(in.memory.value), q = t.constant(in.query.value);
    const Matrix w = m.address(t, mem, &kMask, q, Var{}, ctx, "").value();
    CHECK((w.array() * (1.f - kMask.array())).abs().maxCoeff() == 0.f);
    mean += w;
    if (i == 0) probs = m.scorer().distribution(t, mem, &kMask, q).value();
  }
  return mean / static_cast<float>(draws);
}

}  // namespace

TEST_CASE("hard attention samples only usable slots, in proportion to the scorer's distribution") {
  ParameterCollection pc(1);
  Rng rng(2);
  HardAttention m(pc.scope("hard"), {kQuery, kWidth, kSlots}, rng, {});
  AddressingInputs in(3, kSlots, kWidth, kQuery, 3);
  Rng sampler(4);
  Matrix probs;
  const Matrix counts = mean_selection(m, in, sampler, 4000, probs);
  CHECK(counts.row(1) == Matrix{{0, 0, 0, 1, 0}});
  for (Index b : {0, 2})
    for (Index j = 0; j < kSlots; ++j) CHECK(counts(b, j) == doctest::Approx(probs(b, j)).epsilon(0.1));
}

TEST_CASE("hard attention: k samples, policy entry, evaluation argmax, read gradient") {
  ParameterCollection pc(5);
  Rng rng(6);
  HardOptions o;
  o.samples = 3;
  o.baseline = BaselineKind::Learned;
  HardAttention m(pc.scope("hard"), {kQuery, kWidth, kSlots}, rng, o);
  CHECK(pc.contains("hard/baseline/W"));
  AddressingInputs in(3, kSlots, kWidth, kQuery, 7);
  Rng sampler(8);
  PolicyLog log;
  AddressingContext ctx;
  ctx.rng = &sampler;
  ctx.policy = &log;
  Tape t;
  Var mem = t.variable(in.memory.value), q = t.variable(in.query.value);
  Var w = m.address(t, mem, &kMask, q, Var{}, ctx, "read");
  const Matrix p = m.scorer().distribution(t, mem, &kMask, q).value();
  // Multiples of 1/3 summing to 1; the log-probability is the sum over the three draws.
  const Matrix thirds = 3.f * w.value();
  CHECK(thirds.isApprox(thirds.array().round().matrix()));
  CHECK(w.value().rowwise().sum().isApprox(Matrix::Ones(3, 1)));
  REQUIRE(log.entries.size() == 1);
  const PolicyLog::Entry& e = log.entries[0];
  CHECK(e.module == "hard:read");
  CHECK(e.baseline == m.baseline());
  CHECK(e.baseline_value.rows() == 3);
  for (Index b = 0; b < 3; ++b) {
    double expected = 0, entropy = 0;
    for (Index j = 0; j < kSlots; ++j) {
      expected += thirds(b, j) * std::log(p(b, j) + 1e-8);
      if (p(b, j) > 0) entropy -= p(b, j) * std::log(p(b, j));
    }
    CHECK(e.log_prob.value()(b, 0) == doctest::Approx(expected).epsilon(1e-4));
    CHECK(e.entropy.value()(b, 0) == doctest::Approx(entropy).epsilon(1e-4));
  }
  CHECK(e.logit_score.isApprox(thirds - 3.f * p, 1e-5f));
  // The read reaches only the chosen slots' rows, and nothing reaches the scorer through it...
  t.backward(sum(memory_read(w, mem)));
  for (Index b = 0; b < 3; ++b)
    for (Index j = 0; j < kSlots; ++j)
      CHECK(mem.grad().row(b * kSlots + j).isZero() == (thirds(b, j) == 0.f));
  CHECK(pc.at("hard/key/W").grad.norm() == 0.f);
  {  // ...which learns through log_prob instead; the baseline only trains through its own loss.
    Tape t2;
    PolicyLog log2;
    ctx.policy = &log2;
    m.address(t2, t2.constant(in.memory.value), &kMask, t2.constant(in.query.value), Var{}, ctx, "");
    t2.backward(sum(log2.entries[0].log_prob));
    CHECK(pc.at("hard/key/W").grad.norm() > 0.f);
    CHECK(pc.at("hard/baseline/W").grad.norm() == 0.f);
    ctx.policy = &log;
  }

  // Evaluation: argmax of p over usable slots, no sampling, nothing logged.
  ctx.training = false;
  ctx.rng = nullptr;
  const Matrix eval = m.address(t, mem, &kMask, q, Var{}, ctx, "").value();
  for (Index b = 0; b < 3; ++b) {
    Index best;
    p.row(b).maxCoeff(&best);
    CHECK(eval(b, best) == 1.f);
    CHECK(eval.row(b).sum() == 1.f);
  }
  CHECK(log.entries.size() == 1);
  // An example without usable slots gets no weight and log-probability 0.
  ctx.training = true;
  ctx.rng = &sampler;
  const Matrix none = Matrix::Zero(3, kSlots);
  CHECK(m.address(t, mem, &none, q, Var{}, ctx, "").value().isZero());
  CHECK(log.entries.back().log_prob.value().isZero());
  ctx.rng = nullptr;
  CHECK_THROWS_AS(m.address(t, mem, &kMask, q, Var{}, ctx, ""), std::logic_error);
}

TEST_CASE("hard attention: rows flagged expected read p itself, differentiably, and log no choice") {
  ParameterCollection pc(15);
  Rng rng(16);
  HardAttention m(pc.scope("hard"), {kQuery, kWidth, kSlots}, rng, {});
  AddressingInputs in(3, kSlots, kWidth, kQuery, 17);
  const std::vector<bool> expected = {true, false, true};
  Rng sampler(18);
  PolicyLog log;
  AddressingContext ctx{.training = true, .rng = &sampler, .policy = &log};
  ctx.expected_rows = &expected;
  Tape t;
  Var mem = t.constant(in.memory.value), q = t.constant(in.query.value);
  const Matrix w = m.address(t, mem, &kMask, q, Var{}, ctx, "").value();
  const Matrix p = m.scorer().distribution(t, mem, &kMask, q).value();
  CHECK(w.row(0).isApprox(p.row(0)));
  CHECK(w.row(2).isApprox(p.row(2)));
  CHECK(w.row(1) == Matrix{{0, 0, 0, 1, 0}});  // the one usable slot, sampled
  REQUIRE(log.entries.size() == 1);
  CHECK(log.entries[0].log_prob.value()(0, 0) == 0.f);
  CHECK(log.entries[0].log_prob.value()(2, 0) == 0.f);
  CHECK(log.entries[0].logit_score.row(0).isZero());

  // The gradient through the expected rows against central differences (a fixed sampler per evaluation).
  std::vector<Parameter*> all = pc.parameters();
  all.push_back(&in.memory);
  all.push_back(&in.query);
  auto f = [&](Tape& tape) {
    Rng fixed(19);
    AddressingContext c{.training = true, .rng = &fixed};
    c.expected_rows = &expected;
    Var memory = tape.param(in.memory);
    Var weights = m.address(tape, memory, &kMask, tape.param(in.query), Var{}, c, "");
    return concat_cols({weights, memory_read(weights, memory)});
  };
  const GradCheckResult result = gradient_check_params(f, all);
  CHECK_MESSAGE(result.ok, result.describe());
  ctx.expected_rows = nullptr;
  const std::vector<bool> wrong_size = {true};
  ctx.expected_rows = &wrong_size;
  CHECK_THROWS_AS(m.address(t, mem, &kMask, q, Var{}, ctx, ""), std::logic_error);
}

TEST_CASE("gumbel soft path (no straight-through) gradients with fixed noise") {
  for (ContentScore score : {ContentScore::ScaledDot, ContentScore::Cosine}) {
    CAPTURE(std::string(enum_name(score)));
    ParameterCollection pc(9);
    Rng rng(10);
    GumbelOptions o;
    o.scorer.score = score;
    o.straight_through = false;
    o.tau0 = 0.7f;
    GumbelAttention m(pc.scope("gumbel"), {kQuery, kWidth, kSlots}, rng, o);
    AddressingInputs in(3, kSlots, kWidth, kQuery, 11);
    std::vector<Parameter*> all = pc.parameters();
    all.insert(all.end(), {&in.memory, &in.query});
    const auto result = gradient_check_params(
        [&](Tape& t) {
          Rng noise(12);  // the same noise at every evaluation
          AddressingContext ctx;
          ctx.rng = &noise;
          Var mem = t.param(in.memory);
          Var w = m.address(t, mem, &kMask, t.param(in.query), Var{}, ctx, "");
          return concat_cols({w, memory_read(w, mem)});
        },
        all);
    CHECK_MESSAGE(result.ok, result.describe());
  }
}

TEST_CASE("gumbel straight-through: one-hot forward, relaxed gradient backward") {
  ParameterCollection pc(13);
  Rng rng(14);
  Tape t;
  const Matrix logits = Rng(15).uniform_matrix(3, kSlots, -2.f, 2.f);
  const Matrix noise = gumbel_noise(3, kSlots, rng);
  const Matrix R = Rng(16).uniform_matrix(3, kSlots, -1.f, 1.f);
  Var a = t.variable(logits), b = t.variable(logits);
  Var hard = gumbel_softmax(a, &kMask, noise, 0.5f, true);
  Var soft = gumbel_softmax(b, &kMask, noise, 0.5f, false);
  for (Index r = 0; r < 3; ++r) {
    CHECK(hard.value().row(r).sum() == 1.f);
    CHECK(hard.value().row(r).maxCoeff() == 1.f);
    Index best_hard, best_soft;
    hard.value().row(r).maxCoeff(&best_hard);
    soft.value().row(r).maxCoeff(&best_soft);
    CHECK(best_hard == best_soft);
  }
  CHECK((hard.value().array() * (1.f - kMask.array())).abs().maxCoeff() == 0.f);
  t.backward(sum(mul(hard, t.constant(R))) + sum(mul(soft, t.constant(R))));
  CHECK(a.grad().isApprox(b.grad()));
  CHECK(a.grad().norm() > 0.f);
}

TEST_CASE("gumbel attention: masks, noise statistics, evaluation, temperature schedule") {
  ParameterCollection pc(17);
  Rng rng(18);
  GumbelAttention m(pc.scope("gumbel"), {kQuery, kWidth, kSlots}, rng, {});
  AddressingInputs in(3, kSlots, kWidth, kQuery, 19);
  Rng sampler(20);
  Matrix probs;
  // Gumbel-max: argmax(logits + g) is a sample of softmax(logits).
  const Matrix freq = mean_selection(m, in, sampler, 4000, probs);
  for (Index b = 0; b < 3; ++b)
    for (Index j = 0; j < kSlots; ++j) CHECK(freq(b, j) == doctest::Approx(probs(b, j)).epsilon(0.1));

  AddressingContext ctx;
  ctx.training = false;
  Tape t;
  const Matrix eval =
      m.address(t, t.constant(in.memory.value), &kMask, t.constant(in.query.value), Var{}, ctx, "").value();
  for (Index b = 0; b < 3; ++b) {
    Index best;
    probs.row(b).maxCoeff(&best);
    CHECK(eval(b, best) == 1.f);
  }

  const Matrix g = gumbel_noise(200, 100, sampler);
  CHECK(g.allFinite());
  CHECK(g.mean() == doctest::Approx(0.5772).epsilon(0.03));  // Euler-Mascheroni constant

  GumbelOptions o;
  o.tau0 = 2.f;
  o.tau_min = 0.5f;
  o.decay_rate = 1e-3f;
  CHECK(gumbel_temperature(o, 0) == doctest::Approx(2.f));
  CHECK(gumbel_temperature(o, 500) == doctest::Approx(2.f * std::exp(-0.5f)));
  CHECK(gumbel_temperature(o, 100000) == doctest::Approx(0.5f));
}

TEST_CASE("hard and gumbel attention have no linear form and refuse a request for one, naming the module") {
  ParameterCollection pc(1);
  Rng rng(5);
  HardAttention hard(pc.scope("hop1/hard"), {kQuery, kWidth, kSlots}, rng);
  GumbelAttention gumbel(pc.scope("hop1/gumbel"), {kQuery, kWidth, kSlots}, rng);
  AddressingInputs in(3, kSlots, kWidth, kQuery, 7);
  Tape t;
  Var mem = t.constant(in.memory.value), q = t.constant(in.query.value);
  AddressingContext linear{.training = false, .linear = true};
  CHECK_FALSE(hard.has_linear_form());
  CHECK_FALSE(gumbel.has_linear_form());
  CHECK_THROWS_WITH_AS(hard.address(t, mem, &kMask, q, Var{}, linear, ""),
                       doctest::Contains("hop1/hard: this addressing module has no linear form"),
                       std::logic_error);
  CHECK_THROWS_WITH_AS(gumbel.address(t, mem, &kMask, q, Var{}, linear, ""), doctest::Contains("hop1/gumbel"),
                       std::logic_error);
}

TEST_SUITE_END();
