#include <doctest/doctest.h>

#include "framework/autodiff/errors.h"
#include "framework/nn/initializers.h"

using namespace mann;

TEST_CASE("orthogonal init: square Q^T Q = I") {
  Rng rng(7);
  const Matrix q = initialize(Init::orthogonal(), 16, 16, rng);
  CHECK((q.transpose() * q - Matrix::Identity(16, 16)).cwiseAbs().maxCoeff() < 1e-5f);
  CHECK((q * q.transpose() - Matrix::Identity(16, 16)).cwiseAbs().maxCoeff() < 1e-5f);
}

TEST_CASE("orthogonal init: non-square gives orthonormal columns or rows, scaled by gain") {
  Rng rng(8);
  const Matrix tall = initialize(Init::orthogonal(), 12, 5, rng);
  CHECK((tall.transpose() * tall - Matrix::Identity(5, 5)).cwiseAbs().maxCoeff() < 1e-5f);
  const Matrix wide = initialize(Init::orthogonal(), 5, 12, rng);
  CHECK((wide * wide.transpose() - Matrix::Identity(5, 5)).cwiseAbs().maxCoeff() < 1e-5f);
  const Matrix scaled = initialize(Init::orthogonal(2.f), 6, 6, rng);
  CHECK((scaled.transpose() * scaled - 4.f * Matrix::Identity(6, 6)).cwiseAbs().maxCoeff() < 1e-4f);
}

TEST_CASE("orthogonal init is not biased by the QR sign convention") {
  // Without sign correction diag(R) > 0 conventions make Q's diagonal skewed; with it, signs are balanced.
  Rng rng(9);
  int positive = 0;
  const int trials = 200;
  for (int i = 0; i < trials; ++i) positive += random_orthogonal(3, rng)(0, 0) > 0 ? 1 : 0;
  CHECK(positive > trials / 2 - 40);
  CHECK(positive < trials / 2 + 40);
}

TEST_CASE("glorot init respects its bound and spreads over it") {
  Rng rng(1);
  const Matrix w = initialize(Init::glorot(), 30, 20, rng);
  const float limit = std::sqrt(6.f / 50.f);
  CHECK(w.cwiseAbs().maxCoeff() <= limit);
  CHECK(w.cwiseAbs().maxCoeff() > 0.9f * limit);
  CHECK(std::abs(w.mean()) < 0.02f);
}

TEST_CASE("other initialisers") {
  Rng rng(2);
  CHECK(initialize(Init::zeros(), 3, 4, rng).isZero());
  CHECK(initialize(Init::constant(1e-6f), 2, 2, rng).isConstant(1e-6f));
  const Matrix u = initialize(Init::uniform(-0.5f, 0.25f), 50, 50, rng);
  CHECK(u.minCoeff() >= -0.5f);
  CHECK(u.maxCoeff() < 0.25f);
  const Matrix n = initialize(Init::normal(3.f, 0.1f), 100, 100, rng);
  CHECK(n.mean() == doctest::Approx(3.f).epsilon(0.01));
  const float var = (n.array() - n.mean()).square().mean();
  CHECK(std::sqrt(var) == doctest::Approx(0.1f).epsilon(0.05));
}

TEST_CASE("initialisers are reproducible under a seed") {
  for (const Init& init : {Init::glorot(), Init::orthogonal(), Init::normal(0, 1), Init::uniform(-1, 1)}) {
    Rng a(42), b(42), c(43);
    const Matrix x = initialize(init, 7, 9, a);
    CHECK(x == initialize(init, 7, 9, b));
    CHECK(x != initialize(init, 7, 9, c));
  }
}

TEST_CASE("parse_init") {
  CHECK(parse_init("glorot") == Init::glorot());
  CHECK(parse_init("xavier") == Init::glorot());
  CHECK(parse_init("glorot:2") == Init::glorot(2.f));
  CHECK(parse_init("normal:0.1") == Init::normal(0.f, 0.1f));
  CHECK(parse_init("normal:1,0.5") == Init::normal(1.f, 0.5f));
  CHECK(parse_init("constant:1e-6") == Init::constant(1e-6f));
  CHECK(parse_init("uniform:0.1") == Init::uniform(-0.1f, 0.1f));
  CHECK(parse_init("uniform:-1,2") == Init::uniform(-1.f, 2.f));
  CHECK(parse_init("orthogonal") == Init::orthogonal());
  CHECK(parse_init("zeros") == Init::zeros());
  for (const Init& init : {Init::glorot(), Init::glorot(0.5f), Init::normal(0.f, 0.1f), Init::constant(2.5f),
                           Init::uniform(-1.f, 3.f), Init::orthogonal(), Init::zeros()}) {
    CHECK(parse_init(init.to_string()) == init);
  }
  CHECK_THROWS_AS(parse_init("gaussian"), UserError);
  CHECK_THROWS_AS(parse_init("normal"), UserError);
  CHECK_THROWS_AS(parse_init("normal:abc"), UserError);
  CHECK_THROWS_AS(parse_init("normal:0.1x"), UserError);
  CHECK_THROWS_AS(parse_init("constant:1,2"), UserError);
  CHECK_THROWS_WITH_AS(parse_init("foo:1"), doctest::Contains("foo:1"), UserError);
}
