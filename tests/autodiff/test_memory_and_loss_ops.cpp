// Gradient checks and forward values for memory access ops, losses and sampling.
#include <cmath>

#include "framework/autodiff/sampling.h"
#include "framework/autodiff/stable_bce.h"
#include "tests/autodiff/gradcheck_support.h"

using namespace mann;
using mann::testing::random_matrix;
using Inputs = const std::vector<Var>&;

TEST_CASE("memory access ops (B = 2 examples, N = 4 slots, M = 3 wide)") {
  const Matrix memory = random_matrix(8, 3, 71), query = random_matrix(2, 3, 72);
  const Matrix weights = random_matrix(2, 4, 73, 0.f, 1.f);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return memory_dot(v[0], v[1]); }, memory, query);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return memory_cosine(v[0], v[1]); }, memory, query);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return memory_read(v[0], v[1]); }, weights, memory);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return cosine_similarity(v[0], v[1]); }, random_matrix(3, 4, 74),
                       random_matrix(3, 4, 75));
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return circular_conv(v[0], v[1]); }, random_matrix(2, 6, 76),
                       random_matrix(2, 3, 77));
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return circular_conv(v[0], v[1]); }, random_matrix(1, 5, 78),
                       random_matrix(1, 5, 79));

  Tape t;
  Var mem = t.constant(memory), q = t.constant(query);
  const Matrix dots = memory_dot(mem, q).value();
  CHECK(dots(1, 2) == doctest::Approx(memory.row(6).dot(query.row(1))));
  const Matrix cosines = memory_cosine(mem, q).value();
  CHECK(cosines(0, 3) ==
        doctest::Approx(memory.row(3).dot(query.row(0)) / (memory.row(3).norm() * query.row(0).norm()))
            .epsilon(1e-4));
  const Matrix read = memory_read(t.constant(weights), mem).value();
  CHECK(read.row(1).isApprox(weights.row(1) * memory.middleRows(4, 4)));
}

TEST_CASE("cosine addressing is safe on a zero memory") {
  Tape t;
  Var mem = t.variable(Matrix::Zero(4, 3));
  Var q = t.variable(Matrix::Zero(1, 3));
  Var scores = memory_cosine(mem, q);
  CHECK(scores.value().allFinite());
  t.backward(sum(softmax_rows(scale(scores, 50.f))));
  CHECK(mem.grad().allFinite());
  CHECK(q.grad().allFinite());
}

TEST_CASE("circular convolution shifts a weighting") {
  Tape t;
  Var w = t.constant(Matrix{{0.f, 1.f, 0.f, 0.f}});
  // offsets -1, 0, +1: all mass on +1 moves the focus one slot forward; on -1, one slot back (wrapping)
  CHECK(circular_conv(w, t.constant(Matrix{{0.f, 0.f, 1.f}})).value() == Matrix{{0.f, 0.f, 1.f, 0.f}});
  CHECK(circular_conv(w, t.constant(Matrix{{1.f, 0.f, 0.f}})).value() == Matrix{{1.f, 0.f, 0.f, 0.f}});
  Var edge = t.constant(Matrix{{1.f, 0.f, 0.f, 0.f}});
  CHECK(circular_conv(edge, t.constant(Matrix{{1.f, 0.f, 0.f}})).value() == Matrix{{0.f, 0.f, 0.f, 1.f}});
  CHECK_THROWS_AS(circular_conv(w, t.constant(Matrix::Ones(1, 2))), ShapeError);
}

TEST_CASE("losses") {
  const Matrix logits = random_matrix(4, 5, 81, -2.f, 2.f);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return softmax_cross_entropy(v[0], {1, 4, -1, 0}); }, logits);
  const Matrix targets = random_matrix(4, 5, 82, 0.f, 1.f);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return bce_with_logits(v[0], targets); }, logits);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return bce_with_logits(v[0], targets, Reduction::Sum); },
                       logits);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return mse(v[0], targets); }, logits);

  Tape t;
  // uniform logits over 5 classes: cross-entropy log 5; the ignored row does not count
  CHECK(softmax_cross_entropy(t.constant(Matrix::Zero(2, 5)), {3, -1}).item() ==
        doctest::Approx(std::log(5.f)));
  const float stable = bce_with_logits(t.constant(Matrix{{200.f, -200.f}}), Matrix{{0.f, 1.f}}).item();
  CHECK(stable == doctest::Approx(200.f));  // no overflow to inf
  // Per-row terms (what a learner uses as per-example losses) add up to the op's summed loss.
  double rows_total = 0;
  for (Index r = 0; r < logits.rows(); ++r)
    rows_total += stable_bce_terms(logits.row(r).array(), targets.row(r).array()).sum();
  CHECK(rows_total == doctest::Approx(bce_with_logits(t.constant(logits), targets, Reduction::Sum).item()));
  CHECK(mse(t.constant(Matrix{{1.f, 3.f}}), Matrix{{0.f, 0.f}}).item() == doctest::Approx(5.f));
}

TEST_CASE("categorical sampling matches its distribution; log-probabilities differentiate") {
  Rng rng(5);
  const Matrix probs{{0.1f, 0.6f, 0.3f}};
  std::vector<int> counts(3, 0);
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) ++counts[static_cast<size_t>(sample_categorical(probs, rng)[0])];
  for (int k = 0; k < 3; ++k)
    CHECK(counts[static_cast<size_t>(k)] / double(draws) == doctest::Approx(probs(0, k)).epsilon(0.05));
  CHECK(argmax_rows(Matrix{{0.f, 2.f, 1.f}, {5.f, 0.f, 0.f}}) == std::vector<int>{1, 0});
  MANN_CHECK_GRADIENTS(
      [](Tape&, Inputs v) {
        return categorical_log_prob(v[0], {2, 0});
      },
      random_matrix(2, 3, 91));
  MANN_CHECK_GRADIENTS(
      [](Tape&, Inputs v) {
        return sampled_log_prob(softmax_rows(v[0]), {1, 1});
      },
      random_matrix(2, 3, 92));
}

namespace {
// tanh whose backward forgets the factor (1 - y^2): the kind of bug a gradient check exists to catch.
Var broken_tanh(Var a) {
  Node& n = a.tape->push([](Tape& t, Node& nd) { t.accumulate(nd.inputs[0], nd.grad); }, {a});
  n.value = a.value().array().tanh().matrix();
  return a.tape->last();
}
// matmul whose backward for B uses A instead of A^T (a transposition bug on square inputs).
Var broken_matmul(Var a, Var b) {
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) {
        t.accumulate(nd.inputs[0], nd.grad * t.value(nd.inputs[1]).transpose());
        t.accumulate(nd.inputs[1], t.value(nd.inputs[0]) * nd.grad);
      },
      {a, b});
  n.value = a.value() * b.value();
  return a.tape->last();
}
// add with a row-broadcast operand whose backward forgets to sum over the broadcast rows.
Var broken_broadcast_add(Var a, Var row) {
  Node& n = a.tape->push(
      [](Tape& t, Node& nd) {
        t.accumulate(nd.inputs[0], nd.grad);
        t.accumulate(nd.inputs[1], nd.grad.row(0));
      },
      {a, row});
  n.value = a.value().rowwise() + row.value().row(0);
  return a.tape->last();
}
}  // namespace

TEST_CASE("the gradient check catches broken backward passes") {
  const Matrix x = random_matrix(3, 3, 101), y = random_matrix(3, 3, 102);
  CHECK_FALSE(gradient_check([](Tape&, Inputs v) { return broken_tanh(v[0]); }, {x}).ok);
  CHECK_FALSE(gradient_check([](Tape&, Inputs v) { return broken_matmul(v[0], v[1]); }, {x, y}).ok);
  CHECK_FALSE(gradient_check([](Tape&, Inputs v) { return broken_broadcast_add(v[0], v[1]); },
                             {x, random_matrix(1, 3, 103)})
                  .ok);
  CHECK_FALSE(gradient_check([](Tape&, Inputs v) { return scale(broken_tanh(v[0]), 0.5f); }, {x}).ok);
  // the correct ops pass the same check
  CHECK(gradient_check([](Tape&, Inputs v) { return tanh(v[0]); }, {x}).ok);
  CHECK(gradient_check([](Tape&, Inputs v) { return matmul(v[0], v[1]); }, {x, y}).ok);
}

TEST_CASE("a cleared tape reuses its nodes and reproduces the same values and gradients") {
  Parameter w("w", random_matrix(3, 2, 111));
  Tape t;
  Matrix first_value, first_grad;
  for (int round = 0; round < 3; ++round) {
    t.clear();
    w.zero_grad();
    Var x = t.constant(random_matrix(4, 3, 112));
    Var loss = mean(tanh(matmul(x, t.param(w))));
    t.backward(loss);
    if (round == 0) {
      first_value = loss.value();
      first_grad = w.grad;
    } else {
      CHECK(loss.value() == first_value);
      CHECK(w.grad == first_grad);
    }
  }
  CHECK(t.size() == 5);
}
