#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "framework/autodiff/errors.h"
#include "framework/train/clipping.h"
#include "framework/train/finite.h"
#include "framework/train/schedule.h"

using namespace mann;

TEST_CASE("clip_grad_value clamps each entry") {
  Parameter p("p", Matrix::Zero(1, 4));
  p.grad << -3.f, -0.5f, 0.5f, 7.f;
  clip_grad_value({&p}, 1.f);
  Matrix expected(1, 4);
  expected << -1.f, -0.5f, 0.5f, 1.f;
  CHECK(p.grad == expected);
}

TEST_CASE("clip_grad_norm rescales to the global norm and returns the old one") {
  Parameter a("a", Matrix::Zero(1, 2)), b("b", Matrix::Zero(1, 1));
  a.grad << 3.f, 0.f;
  b.grad << 4.f;  // global norm 5
  CHECK(clip_grad_norm({&a, &b}, 10.0) == doctest::Approx(5.0));
  CHECK(a.grad(0, 0) == 3.f);  // below the limit: untouched
  CHECK(clip_grad_norm({&a, &b}, 1.0) == doctest::Approx(5.0));
  CHECK(a.grad(0, 0) == doctest::Approx(0.6f));
  CHECK(b.grad(0, 0) == doctest::Approx(0.8f));
  CHECK(grad_norm({&a, &b}) == doctest::Approx(1.0));
}

TEST_CASE("clip_grad_norm leaves non-finite gradients alone") {
  Parameter a("a", Matrix::Zero(1, 2));
  a.grad << std::numeric_limits<float>::infinity(), 1.f;
  CHECK(std::isinf(clip_grad_norm({&a}, 1.0)));
  CHECK(a.grad(0, 1) == 1.f);
}

TEST_CASE("all_finite names the first offending parameter") {
  Parameter a("model/a", Matrix::Zero(2, 2)), b("model/b", Matrix::Zero(2, 2)),
      c("model/c", Matrix::Zero(1, 1));
  std::string name;
  CHECK(all_finite({&a, &b, &c}, &name));
  CHECK(name.empty());
  b.grad(1, 0) = std::nanf("");
  c.grad(0, 0) = -std::numeric_limits<float>::infinity();
  CHECK_FALSE(all_finite({&a, &b, &c}, &name));
  CHECK(name == "model/b");
  CHECK_FALSE(all_finite({&c}));
  CHECK(all_values_finite({&a, &b, &c}));
  a.value(0, 0) = std::numeric_limits<float>::infinity();
  CHECK_FALSE(all_values_finite({&a, &b}, &name));
  CHECK(name == "model/a");
}

TEST_CASE("schedules") {
  ConstantSchedule constant(0.1f);
  CHECK(constant.lr(0) == 0.1f);
  CHECK(constant.lr(1000) == 0.1f);

  StepDecaySchedule halve(0.01f, 0.5f, 25);  // MemN2N: halve every 25 epochs
  CHECK(halve.lr(0) == doctest::Approx(0.01f));
  CHECK(halve.lr(24) == doctest::Approx(0.01f));
  CHECK(halve.lr(25) == doctest::Approx(0.005f));
  CHECK(halve.lr(74) == doctest::Approx(0.0025f));
  CHECK(halve.lr(75) == doctest::Approx(0.00125f));

  ExponentialSchedule expo(1.f, 0.9f);
  CHECK(expo.lr(0) == doctest::Approx(1.f));
  CHECK(expo.lr(2) == doctest::Approx(0.81f));

  CosineSchedule cosine(1.f, 0.1f, 10);
  CHECK(cosine.lr(0) == doctest::Approx(1.f));
  CHECK(cosine.lr(5) == doctest::Approx(0.55f));
  CHECK(cosine.lr(10) == doctest::Approx(0.1f));
  CHECK(cosine.lr(50) == doctest::Approx(0.1f));

  CHECK(parse_schedule("step:0.5,25", 0.01f)->lr(30) == doctest::Approx(0.005f));
  CHECK(parse_schedule("constant", 0.3f)->lr(7) == doctest::Approx(0.3f));
  CHECK(parse_schedule("exponential:0.5", 2.f)->lr(3) == doctest::Approx(0.25f));
  CHECK(parse_schedule("cosine:10,0.1", 1.f)->lr(5) == doctest::Approx(0.55f));
  CHECK_THROWS_AS(parse_schedule("step:0.5", 0.1f), UserError);
  CHECK_THROWS_AS(parse_schedule("step:0.5,0", 0.1f), UserError);
  CHECK_THROWS_AS(parse_schedule("linear", 0.1f), UserError);
}
