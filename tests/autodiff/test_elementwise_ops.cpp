#include <cmath>

#include "tests/autodiff/gradcheck_support.h"

using namespace mann;
using mann::testing::random_matrix;
using Inputs = const std::vector<Var>&;

TEST_CASE("binary ops: gradients for equal shapes and every broadcast direction") {
  const Matrix full = random_matrix(3, 4, 1);
  const Matrix positive = random_matrix(3, 4, 2, 0.5f, 2.f);
  const Matrix row = random_matrix(1, 4, 3, 0.5f, 2.f);
  const Matrix col = random_matrix(3, 1, 4, 0.5f, 2.f);
  const Matrix scalar = random_matrix(1, 1, 5, 0.5f, 2.f);
  for (const Matrix* other : {&positive, &row, &col, &scalar}) {
    CAPTURE(shape_string(*other));
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return add(x[0], x[1]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return add(x[1], x[0]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return sub(x[0], x[1]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return sub(x[1], x[0]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return mul(x[0], x[1]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return mul(x[1], x[0]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return div(x[0], x[1]); }, full, *other);
    MANN_CHECK_GRADIENTS([](Tape&, Inputs x) { return div(x[1], x[0] + 3.f); }, full, *other);
  }
}

TEST_CASE("binary ops: broadcast forward values and shape errors") {
  Tape t;
  Var a = t.constant(Matrix::Ones(2, 3));
  Var r = t.constant(Matrix{{1.f, 2.f, 3.f}});
  Var c = t.constant(Matrix{{10.f}, {20.f}});
  CHECK(add(a, r).value() == Matrix{{2.f, 3.f, 4.f}, {2.f, 3.f, 4.f}});
  CHECK(mul(a, c).value() == Matrix{{10.f, 10.f, 10.f}, {20.f, 20.f, 20.f}});
  CHECK_THROWS_WITH_AS(add(a, t.constant(Matrix::Ones(3, 2))),
                       doctest::Contains("add: cannot broadcast (2x3)"), ShapeError);
}

TEST_CASE("scalar ops") {
  const Matrix x = random_matrix(2, 3, 7);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return v[0] * 3.f; }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return 2.f - v[0]; }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return -(v[0] + 1.5f); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return v[0] / 4.f; }, x);
}

TEST_CASE("elementwise functions") {
  const Matrix x = random_matrix(3, 5, 11, -2.f, 2.f);
  const Matrix positive = random_matrix(3, 5, 12, 0.2f, 2.f);
  Matrix away_from_zero = x;
  for (Index i = 0; i < x.size(); ++i) away_from_zero.data()[i] += x.data()[i] >= 0 ? 0.1f : -0.1f;
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return tanh(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return sigmoid(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return relu(v[0]); }, away_from_zero);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return softplus(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return exp(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return log(v[0], 0.1f); }, positive);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return pow(v[0], 2.5f, 0.01f); }, positive);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return square(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return sqrt(v[0], 0.01f); }, positive);
}

TEST_CASE("pow with a broadcast exponent (NTM sharpening)") {
  const Matrix w = random_matrix(3, 6, 13, 0.1f, 1.f);
  const Matrix gamma = random_matrix(3, 1, 14, 1.f, 3.f);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return pow(v[0], v[1], 1e-6f); }, w, gamma);
  Tape t;  // a zero base with eps 0 must not poison the exponent's gradient with 0 * -inf
  Var base = t.variable(Matrix::Zero(1, 3));
  Var e = t.variable(Matrix::Constant(1, 1, 2.f));
  t.backward(sum(pow(base, e)));
  CHECK(std::isfinite(e.grad()(0, 0)));
}

TEST_CASE("softplus is stable for large inputs") {
  Tape t;
  Var x = t.constant(Matrix{{-100.f, 0.f, 100.f}});
  const Matrix y = softplus(x).value();
  CHECK(y(0, 0) == doctest::Approx(0.f));
  CHECK(y(0, 1) == doctest::Approx(std::log(2.f)));
  CHECK(y(0, 2) == doctest::Approx(100.f));
}
