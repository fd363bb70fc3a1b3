// The RL-NTM's discrete-move policy: REINFORCE with rewards credited to the moves before them is unbiased
// on a two-step episode whose expected reward is known exactly; the shared categorical entry.
#include <doctest/doctest.h>

#include <cmath>

#include "framework/addressing/categorical_choice.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "framework/train/reinforce.h"

using namespace mann;

TEST_SUITE_BEGIN("rl_ntm");

namespace {

// Two moves (-1, 0, +1 as actions 0..2): the first from softmax(theta1), the second from softmax(theta2).
// The first step earns r1(a1); the second r2(a1, a2). The first move is credited r1 + r2, the second r2
// alone (what came before it is no consequence of it).
const Matrix kTheta1{{0.4f, -0.2f, 0.1f}};
const Matrix kTheta2{{-0.3f, 0.5f, 0.0f}};
const float kR1[3] = {1.f, 2.f, 0.5f};
const float kR2[3][3] = {{3.f, 1.f, 2.f}, {0.f, 4.f, 1.f}, {2.f, 2.f, 5.f}};

Eigen::VectorXd probabilities(const Matrix& theta) {
  Eigen::VectorXd p = theta.row(0).cast<double>().array().exp();
  return p / p.sum();
}

// d E[r1 + r2] / d(theta1, theta2), six components.
Eigen::VectorXd exact_gradient() {
  const Eigen::VectorXd p1 = probabilities(kTheta1), p2 = probabilities(kTheta2);
  Eigen::VectorXd q1(3), v2(3);  // expected total given a1; expected r2 given a1
  for (int j = 0; j < 3; ++j) {
    v2(j) = 0;
    for (int k = 0; k < 3; ++k) v2(j) += p2(k) * kR2[j][k];
    q1(j) = kR1[j] + v2(j);
  }
  const double expected = p1.dot(q1);
  Eigen::VectorXd g(6);
  for (int j = 0; j < 3; ++j) g(j) = p1(j) * (q1(j) - expected);
  for (int k = 0; k < 3; ++k) {
    g(3 + k) = 0;
    for (int j = 0; j < 3; ++j) g(3 + k) += p1(j) * p2(k) * (kR2[j][k] - v2(j));
  }
  return g;
}

// One single-episode estimate of the gradient of the expected reward: -d(surrogate)/d(theta1, theta2).
Eigen::VectorXd estimate(Parameter& theta1, Parameter& theta2, Rng& rng, float baseline) {
  Tape t;
  theta1.zero_grad();
  theta2.zero_grad();
  Var p1 = softmax_rows(t.param(theta1)), p2 = softmax_rows(t.param(theta2));
  const std::vector<int> a1 = sample_categorical(p1.value(), rng), a2 = sample_categorical(p2.value(), rng);
  PolicyLog log;
  log.entries.push_back(categorical_choice_entry(p1, one_hot_rows(a1, 3), 0.f));
  log.entries.push_back(categorical_choice_entry(p2, one_hot_rows(a2, 3), 0.f));
  const float r2 = kR2[a1[0]][a2[0]];
  log.entries[0].credited_reward = Matrix::Constant(1, 1, kR1[a1[0]] + r2);
  log.entries[1].credited_reward = Matrix::Constant(1, 1, r2);
  for (PolicyLog::Entry& e : log.entries) {
    e.module = "move";
    e.baseline_value = t.constant(Matrix::Constant(1, 1, baseline));  // fixed: leaves the estimate unbiased
  }
  const ReinforceLoss loss = reinforce_surrogate(t, log, Matrix::Constant(1, 1, kR1[a1[0]] + r2), 0.f);
  t.backward(loss.loss);
  Eigen::VectorXd g(6);
  for (int j = 0; j < 3; ++j) {
    g(j) = -theta1.grad(0, j);
    g(3 + j) = -theta2.grad(0, j);
  }
  return g;
}

}  // namespace

TEST_CASE("rl_ntm policy: moves credited the rewards after them give an unbiased gradient") {
  for (const float baseline : {0.f, 3.5f}) {
    CAPTURE(baseline);
    Parameter theta1("theta1", kTheta1), theta2("theta2", kTheta2);
    Rng rng(7);
    const int n = 20000;
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(6), sum_sq = Eigen::VectorXd::Zero(6);
    for (int i = 0; i < n; ++i) {
      const Eigen::VectorXd g = estimate(theta1, theta2, rng, baseline);
      sum += g;
      sum_sq += g.cwiseProduct(g);
    }
    const Eigen::VectorXd mean = sum / n;
    const Eigen::VectorXd variance = (sum_sq / n - mean.cwiseProduct(mean)) * (double(n) / (n - 1));
    const Eigen::VectorXd exact = exact_gradient();
    for (int j = 0; j < 6; ++j) {
      // 4 standard errors: a false alarm is ~6e-5 per component; crediting the second move with r1 too,
      // or the first with r2 alone, is off by far more.
      CAPTURE(j);
      CHECK(std::abs(mean(j) - exact(j)) < 4 * std::sqrt(variance(j) / n));
    }
  }
}

TEST_CASE("rl_ntm policy: the categorical entry of a step where some examples chose nothing") {
  Tape t;
  Var probs = t.constant(Matrix{{0.2f, 0.5f, 0.3f}, {0.1f, 0.1f, 0.8f}});
  const PolicyLog::Entry e = categorical_choice_entry(probs, one_hot_rows({1, -1}, 3), 0.f);
  CHECK(e.log_prob.value()(0, 0) == doctest::Approx(std::log(0.5f)));
  CHECK(e.log_prob.value()(1, 0) == 0.f);  // a finished episode makes no choice
  CHECK(e.entropy.value()(0, 0) > 0.f);
  CHECK(e.entropy.value()(1, 0) == 0.f);
  CHECK(e.logit_score(0, 1) == doctest::Approx(0.5f));
  CHECK(e.logit_score(0, 0) == doctest::Approx(-0.2f));
  CHECK(e.logit_score.row(1).isZero());
}

TEST_SUITE_END();
