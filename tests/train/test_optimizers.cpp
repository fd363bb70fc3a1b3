#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <memory>

#include "framework/autodiff/errors.h"
#include "framework/train/adam.h"
#include "framework/train/graves_rmsprop.h"
#include "framework/train/rmsprop.h"
#include "framework/train/sgd.h"
#include "framework/util/rng.h"

using namespace mann;

namespace {

// f(x) = 0.5 (x - c) A (x - c)^T for a row vector x, A symmetric positive definite: grad = (x - c) A.
struct Bowl {
  Matrix A{3, 3};
  Matrix c{1, 3};
  Bowl() {
    A << 3.f, 0.5f, 0.f,  //
        0.5f, 1.f, 0.2f,  //
        0.f, 0.2f, 0.5f;
    c << 1.f, -2.f, 0.5f;
  }
  void gradient(Parameter& x) const { x.grad = (x.value - c) * A; }
};

// Runs `steps` optimizer steps on the bowl from x = 0 (a 1x3 point) plus a 2x2 bystander parameter with
// its own bowl (identity A, centre 1), so that multi-parameter state handling is exercised too.
float run_bowl(Optimizer& opt, int steps) {
  Bowl bowl;
  Parameter x("x", Matrix::Zero(1, 3));
  Parameter y("y", Matrix::Zero(2, 2));
  for (int i = 0; i < steps; ++i) {
    bowl.gradient(x);
    y.grad = y.value.array() - 1.f;
    opt.step({&x, &y});
  }
  return std::max((x.value - bowl.c).cwiseAbs().maxCoeff(), (y.value.array() - 1.f).abs().maxCoeff());
}

}  // namespace

TEST_CASE("every optimizer converges on a quadratic bowl") {
  SUBCASE("sgd") {
    SGD opt({.learning_rate = 0.2f});
    CHECK(run_bowl(opt, 500) < 1e-4f);
  }
  SUBCASE("sgd momentum + tiny weight decay") {
    SGD opt({.learning_rate = 0.05f, .momentum = 0.9f, .weight_decay = 1e-6f});
    CHECK(run_bowl(opt, 500) < 1e-3f);
  }
  SUBCASE("rmsprop") {
    RMSProp opt({.learning_rate = 0.01f});
    CHECK(run_bowl(opt, 2000) < 2e-2f);
  }
  SUBCASE("rmsprop momentum") {
    RMSProp opt({.learning_rate = 0.002f, .momentum = 0.9f});
    CHECK(run_bowl(opt, 2000) < 2e-2f);
  }
  SUBCASE("graves rmsprop") {
    GravesRMSProp opt({.learning_rate = 1e-3f});
    CHECK(run_bowl(opt, 3000) < 2e-2f);
  }
  SUBCASE("adam") {
    Adam opt({.learning_rate = 0.02f});
    CHECK(run_bowl(opt, 2000) < 2e-2f);
  }
}

TEST_CASE("sgd: one step equals the hand formula exactly") {
  Parameter p("p", Matrix(1, 3));
  p.value << 1.f, 2.f, -3.f;
  p.grad << 0.5f, -1.f, 2.f;
  const Matrix w0 = p.value, g = p.grad;
  SGD opt({.learning_rate = 0.1f});
  opt.step({&p});
  CHECK(p.value == w0 - 0.1f * g);
  CHECK(opt.step_count() == 1);

  // Momentum: v1 = g, w1 = w0 - lr g; v2 = mu v1 + g, w2 = w1 - lr v2.
  Parameter q("q", w0);
  q.grad = g;
  SGD mom({.learning_rate = 0.1f, .momentum = 0.9f});
  mom.step({&q});
  mom.step({&q});
  const Matrix w1 = w0 - 0.1f * g;
  const Matrix v2 = 0.9f * g + g;
  CHECK((q.value - (w1 - 0.1f * v2)).cwiseAbs().maxCoeff() < 1e-6f);
}

TEST_CASE("non-trainable parameters are not updated") {
  Parameter p("p", Matrix::Ones(2, 2));
  p.grad.setOnes();
  p.trainable = false;
  SGD opt({.learning_rate = 0.5f});
  opt.step({&p});
  CHECK(p.value == Matrix::Ones(2, 2));
  CHECK(opt.state().empty());
}

TEST_CASE("adam: the first step is lr * sign(g)") {
  Parameter p("p", Matrix::Zero(1, 4));
  p.grad << 3.f, -0.01f, 1e-3f, -50.f;
  Adam opt({.learning_rate = 0.01f});
  opt.step({&p});
  Matrix expected(1, 4);
  expected << -0.01f, 0.01f, -0.01f, 0.01f;
  CHECK((p.value - expected).cwiseAbs().maxCoeff() < 1e-6f);
}

TEST_CASE("rmsprop and graves rmsprop: the first step equals the hand formula") {
  const float g = 0.5f;
  {
    Parameter p("p", Matrix::Zero(1, 1));
    p.grad(0, 0) = g;
    RMSProp opt({.learning_rate = 0.01f, .alpha = 0.9f, .eps = 1e-8f});
    opt.step({&p});
    // n = 0.1 g^2; step = lr g / (sqrt(n) + eps).
    CHECK(p.value(0, 0) == doctest::Approx(-0.01f * g / (std::sqrt(0.1f * g * g) + 1e-8f)).epsilon(1e-5));
  }
  {
    Parameter p("p", Matrix::Zero(1, 1));
    p.grad(0, 0) = g;
    GravesRMSProp opt({.learning_rate = 1e-4f, .alpha = 0.95f, .momentum = 0.9f, .eps = 1e-4f});
    opt.step({&p});
    // n = 0.05 g^2, g_avg = 0.05 g: delta = -lr g / sqrt(n - g_avg^2 + eps).
    const float n = 0.05f * g * g, ga = 0.05f * g;
    const float delta1 = -1e-4f * g / std::sqrt(n - ga * ga + 1e-4f);
    CHECK(p.value(0, 0) == doctest::Approx(delta1).epsilon(1e-5));
    opt.step({&p});
    const float n2 = 0.95f * n + 0.05f * g * g, ga2 = 0.95f * ga + 0.05f * g;
    const float delta2 = 0.9f * delta1 - 1e-4f * g / std::sqrt(n2 - ga2 * ga2 + 1e-4f);
    CHECK(p.value(0, 0) == doctest::Approx(delta1 + delta2).epsilon(1e-5));
  }
}

TEST_CASE("state() / load_state() round trip reproduces the next step exactly") {
  const std::vector<std::function<std::unique_ptr<Optimizer>()>> makers = {
      [] { return std::make_unique<SGD>(SGDOptions{.learning_rate = 0.1f, .momentum = 0.9f}); },
      [] { return std::make_unique<RMSProp>(RMSPropOptions{.learning_rate = 0.01f, .momentum = 0.5f}); },
      [] { return std::make_unique<GravesRMSProp>(); },
      [] { return std::make_unique<Adam>(); },
  };
  for (const auto& make : makers) {
    auto a = make();
    CAPTURE(a->type());
    Rng rng(3);
    Parameter p("m/W", rng.normal_matrix(3, 2, 0, 1));
    Parameter q("m/b", rng.normal_matrix(1, 2, 0, 1));
    for (int i = 0; i < 5; ++i) {
      p.grad = rng.normal_matrix(3, 2, 0, 1);
      q.grad = rng.normal_matrix(1, 2, 0, 1);
      a->step({&p, &q});
    }
    auto b = make();
    Parameter p2 = p, q2 = q;
    b->load_state({&p2, &q2}, a->state(), a->step_count());
    CHECK(b->step_count() == 5);
    p.grad = p2.grad = rng.normal_matrix(3, 2, 0, 1);
    q.grad = q2.grad = rng.normal_matrix(1, 2, 0, 1);
    a->step({&p, &q});
    b->step({&p2, &q2});
    CHECK(p.value == p2.value);
    CHECK(q.value == q2.value);
    CHECK(a->state().at("m/W").size() == a->slot_names().size());
  }
}

TEST_CASE("load_state validates names, slots and shapes") {
  Parameter p("m/W", Matrix::Zero(2, 2));
  Parameter q("m/b", Matrix::Zero(1, 2));
  Adam adam;
  Optimizer::State good = {{"m/W", {{"m", Matrix::Zero(2, 2)}, {"v", Matrix::Zero(2, 2)}}},
                           {"m/b", {{"m", Matrix::Zero(1, 2)}, {"v", Matrix::Zero(1, 2)}}}};
  CHECK_NOTHROW(adam.load_state({&p, &q}, good, 3));

  auto bad = good;
  bad["m/X"] = bad["m/W"];
  CHECK_THROWS_WITH_AS(adam.load_state({&p, &q}, bad, 3), doctest::Contains("m/X"), UserError);
  bad = good;
  bad["m/W"]["v"] = Matrix::Zero(2, 3);
  CHECK_THROWS_WITH_AS(adam.load_state({&p, &q}, bad, 3), doctest::Contains("(2x3)"), UserError);
  bad = good;
  bad["m/W"].erase("v");
  CHECK_THROWS_WITH_AS(adam.load_state({&p, &q}, bad, 3), doctest::Contains("lacks slot 'v'"), UserError);
  bad = good;
  bad["m/W"]["momentum"] = Matrix::Zero(2, 2);
  CHECK_THROWS_WITH_AS(adam.load_state({&p, &q}, bad, 3), doctest::Contains("momentum"), UserError);
  bad = good;
  bad.erase("m/b");
  CHECK_THROWS_WITH_AS(adam.load_state({&p, &q}, bad, 3), doctest::Contains("m/b"), UserError);
  CHECK_NOTHROW(adam.load_state({&p, &q}, {}, 0));
  CHECK(adam.step_count() == 0);
}

TEST_CASE("learning rate can be changed between steps") {
  Parameter p("p", Matrix::Zero(1, 1));
  p.grad(0, 0) = 1.f;
  SGD opt({.learning_rate = 0.1f});
  opt.step({&p});
  opt.set_learning_rate(0.5f);
  CHECK(opt.learning_rate() == 0.5f);
  opt.step({&p});
  CHECK(p.value(0, 0) == doctest::Approx(-0.6f));
}
