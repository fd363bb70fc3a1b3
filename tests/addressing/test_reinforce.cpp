// REINFORCE: unbiasedness of the surrogate's gradient on a small categorical policy, variance reduction by
// a baseline, the variance diagnostic, learned baselines.
#include <cmath>

#include "framework/autodiff/sampling.h"
#include "framework/train/reinforce.h"
#include "framework/train/reinforce_baseline.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("addressing");

namespace {

// A policy softmax(theta) over 4 actions with known rewards; the exact gradient of E[r] = sum_a p_a r_a is
// dE/dtheta_j = p_j (r_j - E[r]).
const Matrix kTheta{{0.5f, -0.3f, 0.1f, 0.8f}};
const float kReward[4] = {4.f, 3.f, 5.5f, 3.5f};  // all positive and offset: where a baseline matters

Eigen::VectorXd exact_gradient() {
  Eigen::VectorXd p = kTheta.row(0).cast<double>().array().exp();
  p /= p.sum();
  double expected = 0;
  for (int a = 0; a < 4; ++a) expected += p(a) * kReward[a];
  Eigen::VectorXd g(4);
  for (int a = 0; a < 4; ++a) g(a) = p(a) * (kReward[a] - expected);
  return g;
}

struct Estimates {
  Eigen::VectorXd mean, variance;  // per component, over single-sample estimates
  double total_variance() const { return variance.sum(); }
};

// n single-sample REINFORCE estimates of grad E[r]: -d(surrogate)/d(theta).
Estimates estimate(int n, ReinforceBaseline* baseline, uint64_t seed) {
  Parameter theta("theta", kTheta);
  Rng rng(seed);
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(4), sum_sq = Eigen::VectorXd::Zero(4);
  Tape t;
  for (int i = 0; i < n; ++i) {
    t.clear();
    theta.zero_grad();
    Var probs = softmax_rows(t.param(theta));
    const std::vector<int> action = sample_categorical(probs.value(), rng);
    PolicyLog log;
    PolicyLog::Entry e;
    e.module = "policy";
    e.log_prob = sampled_log_prob(probs, action);
    e.baseline = baseline;
    if (baseline) e.baseline_value = baseline->value(t, t.constant(Matrix::Zero(1, 1)));
    log.entries.push_back(e);
    const ReinforceLoss loss = reinforce_surrogate(t, log, Matrix::Constant(1, 1, kReward[action[0]]), 0.f);
    t.backward(loss.loss);
    const Eigen::VectorXd g = -theta.grad.row(0).transpose().cast<double>();
    sum += g;
    sum_sq += g.cwiseProduct(g);
  }
  Estimates out;
  out.mean = sum / n;
  out.variance = (sum_sq / n - out.mean.cwiseProduct(out.mean)) * (double(n) / (n - 1));
  return out;
}

void check_unbiased(const Estimates& est, int n) {
  const Eigen::VectorXd exact = exact_gradient();
  for (int j = 0; j < 4; ++j) {
    // 4 standard errors of the mean: a false alarm has probability ~6e-5 per component (and the seed is
    // fixed), while a wrong estimator (missing baseline correction, sign, factor) is off by far more.
    const double standard_error = std::sqrt(est.variance(j) / n);
    CAPTURE(j);
    CAPTURE(standard_error);
    CHECK(std::abs(est.mean(j) - exact(j)) < 4 * standard_error);
  }
}

}  // namespace

TEST_CASE("REINFORCE surrogate gives an unbiased gradient; an EMA baseline lowers its variance") {
  const int n = 20000;
  const Estimates plain = estimate(n, nullptr, 1);
  check_unbiased(plain, n);
  EmaBaseline ema(0.9f);
  const Estimates with_baseline = estimate(n, &ema, 2);
  check_unbiased(with_baseline, n);
  const Eigen::VectorXd exact = exact_gradient();
  MESSAGE("exact grad E[r]: " << exact.transpose());
  MESSAGE("no baseline:  mean " << plain.mean.transpose() << "  total variance " << plain.total_variance());
  MESSAGE("EMA baseline: mean " << with_baseline.mean.transpose() << "  total variance "
                                << with_baseline.total_variance());
  CHECK(with_baseline.total_variance() < 0.5 * plain.total_variance());
  // The EMA tracked E[r].
  Eigen::VectorXd p = kTheta.row(0).cast<double>().array().exp();
  p /= p.sum();
  double expected = 0;
  for (int a = 0; a < 4; ++a) expected += p(a) * kReward[a];
  CHECK(ema.average() == doctest::Approx(expected).epsilon(0.1));
}

TEST_CASE("REINFORCE diagnostics: reward, baseline, advantage, entropy and the gradient variance") {
  // One batch of B single-state examples with the same logits: the diagnostic (trace of the covariance of
  // the per-example logit gradients) should match the variance measured from independent estimates.
  const Index batch = 4000;
  Rng rng(3);
  Tape t;
  Var logits = t.constant(kTheta.replicate(batch, 1));
  Var probs = softmax_rows(logits);
  const std::vector<int> actions = sample_categorical(probs.value(), rng);
  Matrix rewards(batch, 1), one_hot = Matrix::Zero(batch, 4);
  for (Index b = 0; b < batch; ++b) {
    rewards(b, 0) = kReward[actions[static_cast<size_t>(b)]];
    one_hot(b, actions[static_cast<size_t>(b)]) = 1.f;
  }
  EmaBaseline ema;
  ema.update(Matrix::Constant(1, 1, 4.f));  // the first batch sets the average
  PolicyLog log;
  PolicyLog::Entry e;
  e.module = "policy";
  e.log_prob = sampled_log_prob(probs, actions);
  e.entropy = -row_sums(mul(probs, mann::log(probs)));
  e.baseline = &ema;
  e.baseline_value = ema.value(t, logits);
  e.logit_score = one_hot - probs.value();
  log.entries.push_back(e);
  const ReinforceLoss loss = reinforce_surrogate(t, log, rewards, 0.01f);
  CHECK(loss.mean_reward == doctest::Approx(rewards.mean()));
  CHECK(loss.mean_baseline == doctest::Approx(4.f));
  CHECK(loss.mean_advantage == doctest::Approx(rewards.mean() - 4.f));
  CHECK(loss.mean_entropy == doctest::Approx(e.entropy.value()(0, 0)));
  // Surrogate value: -mean(A log p) - 0.01 * mean H.
  const double surrogate =
      -((rewards.array() - 4.f) * e.log_prob.value().array()).mean() - 0.01 * loss.mean_entropy;
  CHECK(loss.loss.item() == doctest::Approx(surrogate).epsilon(1e-4));
  // The EMA moved towards this batch's mean after the loss was built.
  CHECK(ema.average() == doctest::Approx(0.9f * 4.f + 0.1f * rewards.mean()));

  const Estimates independent = estimate(20000, nullptr, 4);  // (no baseline: compare with advantage = r)
  PolicyLog plain_log;
  PolicyLog::Entry plain = e;
  plain.baseline = nullptr;
  plain.baseline_value = Var{};
  plain_log.entries.push_back(plain);
  const ReinforceLoss plain_loss = reinforce_surrogate(t, plain_log, rewards, 0.f);
  MESSAGE("gradient variance diagnostic " << plain_loss.gradient_variance << " vs measured "
                                          << independent.total_variance());
  CHECK(plain_loss.gradient_variance == doctest::Approx(independent.total_variance()).epsilon(0.1));
  CHECK(loss.gradient_variance < plain_loss.gradient_variance);
  CHECK_THROWS_AS(reinforce_surrogate(t, log, Matrix::Zero(3, 1)), ShapeError);
  PolicyLog empty;
  CHECK(reinforce_surrogate(t, empty, rewards).loss.item() == 0.f);
}

TEST_CASE("a baseline serving a choice with its own credited reward moves by that reward") {
  // Two choices in a row, each with its own moving average (a per-step baseline): the first credited the
  // rewards of both steps, the second only its own; each average moves by what its choice was credited.
  Tape t;
  Var probs = t.constant(Matrix::Constant(2, 2, 0.5f));
  EmaBaseline first(0.5f), second(0.5f), shared(0.5f);
  first.update(Matrix::Zero(1, 1));
  second.update(Matrix::Zero(1, 1));
  shared.update(Matrix::Zero(1, 1));
  const Matrix rewards{{-3.f}, {-5.f}}, later{{-1.f}, {-2.f}};
  PolicyLog log;
  for (EmaBaseline* b : {&first, &second}) {
    PolicyLog::Entry e;
    e.module = "policy";
    e.log_prob = sampled_log_prob(probs, {0, 1});
    e.baseline = b;
    e.baseline_value = b->value(t, probs);
    e.credited_reward = b == &first ? rewards : later;
    log.entries.push_back(e);
  }
  reinforce_surrogate(t, log, rewards);
  CHECK(first.average() == doctest::Approx(0.5f * -4.f));
  CHECK(second.average() == doctest::Approx(0.5f * -1.5f));
  // One baseline shared by both choices moves once, by the first choice's rewards.
  for (PolicyLog::Entry& e : log.entries) e.baseline = &shared;
  reinforce_surrogate(t, log, rewards);
  CHECK(shared.average() == doctest::Approx(0.5f * -4.f));
}

TEST_CASE("a learned baseline regresses to the reward and stays out of the policy gradient") {
  ParameterCollection pc(5);
  Rng rng(6);
  LearnedBaseline baseline(pc.scope("baseline"), 2, rng);
  // Reward depends on the state (feature x): the learned baseline should fit r = 3 + 2 x.
  Parameter features_param("features", Matrix::Zero(64, 2));
  for (int step = 0; step < 400; ++step) {
    Tape t;
    pc.zero_grad();
    features_param.zero_grad();
    Matrix x = rng.uniform_matrix(64, 2, -1.f, 1.f);
    features_param.value = x;
    Matrix rewards = (3.f + 2.f * x.col(0).array()).matrix();
    Var features = t.param(features_param);
    PolicyLog log;
    PolicyLog::Entry e;
    e.log_prob = t.constant(64, 1, -1.f);
    e.baseline = &baseline;
    e.baseline_value = baseline.value(t, features);
    log.entries.push_back(e);
    const ReinforceLoss loss = reinforce_surrogate(t, log, rewards, 0.f);
    t.backward(loss.loss);
    CHECK(features_param.grad.isZero());  // stop_gradient on the features
    for (Parameter* p : pc.parameters()) p->value -= 0.2f * p->grad;
    if (step == 399) CHECK(loss.baseline_loss < 0.01f);
  }
  CHECK(pc.at("baseline/W").value(0, 0) == doctest::Approx(2.f).epsilon(0.05));
  CHECK(pc.at("baseline/b").value(0, 0) == doctest::Approx(3.f).epsilon(0.05));
}

TEST_SUITE_END();
