// REINFORCE rewards for classification outputs: correctness and the (log-)likelihood of the target, with
// the log-softmax computed stably.
#include <doctest/doctest.h>

#include <cmath>

#include "framework/autodiff/errors.h"
#include "framework/train/reward.h"

using namespace mann;

TEST_SUITE_BEGIN("train");

TEST_CASE("classification rewards: correct, likelihood, log-likelihood") {
  Matrix logits(2, 3);
  logits << 1.f, 2.f, 0.f,  //
      1000.f, 0.f, 999.f;   // large logits: must not overflow
  const std::vector<int> targets{1, 2};
  const Matrix correct = classification_rewards(RewardKind::kCorrect, logits, targets);
  CHECK(correct(0, 0) == 1.f);
  CHECK(correct(1, 0) == 0.f);

  const double z0 = std::exp(1.0) + std::exp(2.0) + std::exp(0.0);
  const double p0 = std::exp(2.0) / z0;
  const double p1 = std::exp(-1.0) / (1.0 + std::exp(-1000.0) + std::exp(-1.0));
  const Matrix likelihood = classification_rewards(RewardKind::kLikelihood, logits, targets);
  CHECK(likelihood(0, 0) == doctest::Approx(p0).epsilon(1e-5));
  CHECK(likelihood(1, 0) == doctest::Approx(p1).epsilon(1e-5));
  const Matrix log_likelihood = classification_rewards(RewardKind::kLogLikelihood, logits, targets);
  CHECK(log_likelihood(0, 0) == doctest::Approx(std::log(p0)).epsilon(1e-5));
  CHECK(log_likelihood(1, 0) == doctest::Approx(std::log(p1)).epsilon(1e-4));  // float near 1000
}

TEST_CASE("classification rewards: shapes are checked") {
  CHECK_THROWS_AS(classification_rewards(RewardKind::kCorrect, Matrix::Zero(2, 3), {0}), ShapeError);
}

TEST_SUITE_END();
