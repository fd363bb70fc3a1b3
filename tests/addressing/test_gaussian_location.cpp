// The Gaussian location policy: sampling and evaluation, its policy-log entry, unbiasedness of the REINFORCE
// estimate it gives (with and without clamping to [-1, 1]), variance reduction by a baseline, and learning
// through the Objective's REINFORCE term.
#include <cmath>
#include <numbers>

#include "framework/addressing/gaussian_location.h"
#include "framework/train/reinforce.h"
#include "framework/train/objective.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;

TEST_SUITE_BEGIN("addressing");

namespace {

const Eigen::RowVector2f kMean{0.3f, -0.2f};
const Eigen::RowVector2f kTarget{-0.1f, 0.4f};
constexpr float kStd = 0.2f;

// r(l) = offset - |l - target|^2 per example: (B x 1).
Matrix squared_distance_reward(const Matrix& location, float offset) {
  return (offset - (location.rowwise() - kTarget).rowwise().squaredNorm().array()).matrix();
}

struct Estimates {
  Eigen::RowVectorXd mean, variance;  // per coordinate, over single-example estimates
  Index count = 0;
  double total_variance() const { return variance.sum(); }
};

// Adds single-example REINFORCE estimates of grad_mean E[r] to running sums.
struct EstimateSums {
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(2), sum_sq = Eigen::RowVectorXd::Zero(2);
  Index count = 0;

  void add(const Matrix& estimates) {
    const Eigen::MatrixXd e = estimates.cast<double>();
    sum += e.colwise().sum();
    sum_sq += e.array().square().matrix().colwise().sum();
    count += e.rows();
  }
  Estimates result() const {
    Estimates out;
    out.count = count;
    out.mean = sum / static_cast<double>(count);
    out.variance = (sum_sq / static_cast<double>(count) - out.mean.cwiseProduct(out.mean)) *
                   (static_cast<double>(count) / static_cast<double>(count - 1));
    return out;
  }
};

// One batch of `batch` examples sharing one mean: the policy samples, the reward is computed from the
// returned (possibly clamped) location, and the per-example estimates -d(surrogate)/d(mean_b) * batch are
// recorded (the surrogate averages over the batch).
void run_batch(GaussianLocationPolicy& policy, const Eigen::RowVector2f& mean, Index batch, float offset,
               Rng& rng, EstimateSums& sums) {
  Tape t;
  Var mu = t.variable(mean.replicate(batch, 1));
  PolicyLog log;
  AddressingContext ctx;
  ctx.rng = &rng;
  ctx.policy = &log;
  const Matrix location = policy.sample(t, mu, Var{}, ctx).value();
  const ReinforceLoss loss = reinforce_surrogate(t, log, squared_distance_reward(location, offset));
  t.backward(loss.loss);
  sums.add(-static_cast<float>(batch) * mu.grad());
}

Estimates estimate(GaussianLocationPolicy& policy, const Eigen::RowVector2f& mean, Index batch, int batches,
                   float offset, uint64_t seed) {
  Rng rng(seed);
  EstimateSums sums;
  for (int i = 0; i < batches; ++i) run_batch(policy, mean, batch, offset, rng, sums);
  return sums.result();
}

void check_unbiased(const Estimates& est, const Eigen::RowVector2d& exact) {
  for (Index d = 0; d < 2; ++d) {
    // 4 standard errors: a false alarm has probability ~6e-5 per coordinate (and the seeds are fixed), while
    // a wrong estimator (score without 1/stddev^2, sign, log-density of the clamped sample) is off by more.
    const double standard_error = std::sqrt(est.variance(d) / static_cast<double>(est.count));
    CAPTURE(d);
    CAPTURE(est.mean(d));
    CAPTURE(exact(d));
    CAPTURE(standard_error);
    CHECK(std::abs(est.mean(d) - exact(d)) < 4 * standard_error);
  }
}

GaussianLocationOptions options(BaselineKind baseline, bool clamp) {
  GaussianLocationOptions o;
  o.stddev = kStd;
  o.clamp = clamp;
  o.baseline = baseline;
  return o;
}

// d/dmean E[-(clamp(mean + std eps) - target)^2] for one coordinate, by the pathwise derivative
// E[-2 (clamp(l) - target) 1{|l| < 1}], integrated numerically against the normal density.
double clamped_gradient(double mean, double target) {
  const int steps = 40000;
  const double lo = -8, hi = 8, h = (hi - lo) / steps;
  double total = 0;
  for (int i = 0; i <= steps; ++i) {
    const double eps = lo + i * h, l = mean + kStd * eps;
    const double density = std::exp(-0.5 * eps * eps) / std::sqrt(2 * std::numbers::pi);
    const double weight = (i == 0 || i == steps) ? 0.5 : 1.0;  // trapezoid rule
    if (std::abs(l) < 1) total += weight * h * density * -2 * (l - target);
  }
  return total;
}

}  // namespace

TEST_CASE("Gaussian location: samples around the mean when training, the mean when evaluating") {
  ParameterCollection pc(1);
  Rng init(2);
  GaussianLocationPolicy policy(pc.scope("where"), 2, init, options(BaselineKind::None, false));
  const Index batch = 4000;
  Tape t;
  Var mu = t.variable(kMean.replicate(batch, 1));
  Rng rng(3);
  PolicyLog log;
  AddressingContext ctx;
  ctx.rng = &rng;
  ctx.policy = &log;
  Var l = policy.sample(t, mu, Var{}, ctx, "step0");
  const Matrix& lv = l.value();
  CHECK(!t.requires_grad(l.id));  // a constant: only REINFORCE trains the mean
  for (Index d = 0; d < 2; ++d) {
    CHECK(lv.col(d).mean() == doctest::Approx(kMean(d)).epsilon(0.02).scale(1));
    const float sd = std::sqrt((lv.col(d).array() - lv.col(d).mean()).square().mean());
    CHECK(sd == doctest::Approx(kStd).epsilon(0.05));
  }
  // The entry: the Gaussian log-density of the sample, the constant entropy, the score (l - mean)/std^2.
  REQUIRE(log.entries.size() == 1);
  const PolicyLog::Entry& e = log.entries[0];
  CHECK(e.module == "where:step0");
  CHECK(t.owed_loss_terms() == std::vector<std::string>{"where:step0"});
  const double log_norm = std::log(kStd) + 0.5 * std::log(2 * std::numbers::pi);
  for (Index b : {Index{0}, Index{17}}) {
    const double squared = (lv.row(b) - kMean).squaredNorm();
    CHECK(e.log_prob.value()(b, 0) == doctest::Approx(-squared / (2 * kStd * kStd) - 2 * log_norm));
    CHECK(e.entropy.value()(b, 0) == doctest::Approx(2 * (log_norm + 0.5)));
    CHECK(e.logit_score(b, 1) == doctest::Approx((lv(b, 1) - kMean(1)) / (kStd * kStd)).epsilon(1e-3));
  }
  CHECK(!e.baseline_value.valid());
  // The REINFORCE term settles what the policy owes.
  Metrics metrics;
  const Objective objective({"loss"}, true, 0.f);
  objective.loss(t, t.constant(1, 1, 0.f), {{"loss", 0.0}}, log, [&] { return squared_distance_reward(lv, 0.f); },
                 metrics);
  CHECK(t.owed_loss_terms().empty());
  CHECK(std::isfinite(metrics.back().second));  // the gradient-variance diagnostic uses the score

  // Evaluation: the mean, nothing logged or owed.
  Tape eval;
  PolicyLog eval_log;
  AddressingContext eval_ctx;
  eval_ctx.training = false;
  eval_ctx.policy = &eval_log;
  Var mean = eval.constant(Matrix{{0.5f, -0.25f}, {1.5f, -3.f}});
  CHECK(policy.sample(eval, mean, Var{}, eval_ctx).value() == mean.value());
  CHECK(eval_log.empty());
  CHECK(eval.owed_loss_terms().empty());
}

TEST_CASE("Gaussian location: clamping, baselines, errors") {
  ParameterCollection pc(4);
  Rng init(5);
  GaussianLocationOptions o = options(BaselineKind::Learned, true);
  o.stddev = 1.f;
  GaussianLocationPolicy policy(pc.scope("loc"), 3, init, o);
  CHECK(pc.contains("loc/baseline/W"));
  CHECK(pc.at("loc/baseline/W").value.rows() == 3);
  Tape t;
  Rng rng(6);
  PolicyLog log;
  AddressingContext ctx;
  ctx.rng = &rng;
  ctx.policy = &log;
  Var mean = t.constant(Matrix::Constant(500, 2, 0.9f));
  const Matrix l = policy.sample(t, mean, t.constant(Matrix::Ones(500, 3)), ctx).value();
  CHECK(l.maxCoeff() == 1.f);  // many samples land beyond the edge and are clamped onto it
  CHECK(l.minCoeff() >= -1.f);
  CHECK(log.entries[0].baseline == policy.baseline());
  CHECK(log.entries[0].baseline_value.rows() == 500);
  // Evaluation clamps the mean too.
  ctx.training = false;
  CHECK(policy.sample(t, t.constant(Matrix{{1.5f, -0.5f}}), Var{}, ctx).value() == Matrix{{1.f, -0.5f}});
  ctx.training = true;

  CHECK_THROWS_AS(policy.sample(t, mean, t.constant(Matrix::Ones(3, 3)), ctx), ShapeError);
  ctx.rng = nullptr;
  CHECK_THROWS_AS(policy.sample(t, mean, Var{}, ctx), std::logic_error);
  GaussianLocationOptions bad;
  bad.stddev = 0.f;
  CHECK_THROWS_AS(GaussianLocationPolicy(pc.scope("bad"), 2, init, bad), UserError);
}

TEST_CASE("Gaussian location: the REINFORCE estimate is unbiased; a baseline lowers its variance") {
  ParameterCollection pc(7);
  Rng init(8);
  GaussianLocationPolicy plain(pc.scope("plain"), 2, init, options(BaselineKind::None, false));
  // E[r] = offset - |mean - target|^2 - D std^2, so grad_mean E[r] = -2 (mean - target).
  const Eigen::RowVector2d exact = (-2.f * (kMean - kTarget)).cast<double>();
  // Several fixed seeds, so that the check does not rest on one lucky draw.
  for (uint64_t seed : {11, 12, 13}) {
    CAPTURE(seed);
    check_unbiased(estimate(plain, kMean, 20000, 1, 0.f, seed), exact);
  }

  // A reward far from 0 is where a baseline matters. The EMA baseline's first batch sees no average yet
  // (baseline 0), so it warms up on one batch before the estimates are taken.
  const float offset = 5.f;
  const Estimates without = estimate(plain, kMean, 5000, 4, offset, 21);
  GaussianLocationPolicy with_ema(pc.scope("ema"), 2, init, options(BaselineKind::Ema, false));
  Rng warm_up(22);
  EstimateSums ignored;
  run_batch(with_ema, kMean, 5000, offset, warm_up, ignored);
  const Estimates with = estimate(with_ema, kMean, 5000, 4, offset, 23);
  check_unbiased(without, exact);
  check_unbiased(with, exact);
  MESSAGE("exact " << exact << "; no baseline: mean " << without.mean << " total variance "
                   << without.total_variance() << "; EMA baseline: mean " << with.mean << " total variance "
                   << with.total_variance());
  CHECK(with.total_variance() < 0.2 * without.total_variance());
}

TEST_CASE("Gaussian location: clamping keeps the estimate unbiased (log-density of the unclamped sample)") {
  ParameterCollection pc(9);
  Rng init(10);
  GaussianLocationPolicy policy(pc.scope("clamped"), 2, init, options(BaselineKind::None, true));
  // Means near the edges: about a third of the samples are clamped in each coordinate.
  const Eigen::RowVector2f mean{0.9f, -0.9f};
  const Eigen::RowVector2d exact{clamped_gradient(0.9, kTarget(0)), clamped_gradient(-0.9, kTarget(1))};
  for (uint64_t seed : {31, 32, 33}) {
    CAPTURE(seed);
    check_unbiased(estimate(policy, mean, 20000, 1, 0.f, seed), exact);
  }
}

TEST_CASE("Gaussian location: the Objective's REINFORCE term trains the location network towards the reward") {
  ParameterCollection pc(12);
  Rng init(13);
  GaussianLocationPolicy policy(pc.scope("loc"), 2, init, options(BaselineKind::Ema, true));
  Parameter pre_tanh("pre_tanh", Matrix::Zero(1, 2));
  Rng rng(14);
  const Index batch = 32;
  for (int step = 0; step < 300; ++step) {
    Tape t;
    pre_tanh.zero_grad();
    // The location network: tanh of a free (1 x 2) parameter, broadcast over the batch.
    Var mean = tanh(add(t.constant(Matrix::Zero(batch, 2)), t.param(pre_tanh)));
    PolicyLog log;
    AddressingContext ctx;
    ctx.rng = &rng;
    ctx.policy = &log;
    const Matrix l = policy.sample(t, mean, Var{}, ctx).value();
    Metrics metrics;
    Var loss = Objective({"loss"}, true, 0.f)
                   .loss(t, t.constant(1, 1, 0.f), {{"loss", 0.0}}, log,
                         [&] { return squared_distance_reward(l, 0.f); }, metrics);
    REQUIRE(t.owed_loss_terms().empty());
    t.backward(loss);
    pre_tanh.value -= 0.05f * pre_tanh.grad;
  }
  const Matrix learned = pre_tanh.value.array().tanh().matrix();
  MESSAGE("learned mean " << learned << ", target " << kTarget);
  CHECK((learned - kTarget).cwiseAbs().maxCoeff() < 0.1f);
}

TEST_SUITE_END();
