#pragma once
// Shorthands for gradient-check tests.
#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "framework/util/rng.h"

namespace mann::testing {

inline Matrix random_matrix(Index rows, Index cols, uint64_t seed, float lo = -1.f, float hi = 1.f) {
  Rng rng(seed);
  return rng.uniform_matrix(rows, cols, lo, hi);
}

#define MANN_CHECK_GRADIENTS(f, ...)                                    \
  do {                                                                  \
    const auto mann_result_ = ::mann::gradient_check(f, {__VA_ARGS__}); \
    CHECK_MESSAGE(mann_result_.ok, mann_result_.describe());            \
  } while (0)

}  // namespace mann::testing
