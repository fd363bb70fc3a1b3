// The captioner learns: on scenes of one or two items on the 2x2 grid whose classes are plain to see
// (class k is a square of brightness (k + 1) / 10), 3,000 steps with the learning rate annealed (cosine,
// 0.01 to 0.0005) bring the exact match of 256 held-out scenes to 1.0, 0.988, 0.996, 0.996 for seeds 1-4
// (measured); the test asks >= 0.95 of each of two seeds, issue #21's goal. A constant rate stalls near
// 0.85-0.92 with its late updates unsettling what was learned (measured: 0.92 at 2,000 steps, 0.84 at 3,000).
#include <doctest/doctest.h>

#include <chrono>

#include "tests/support/easy_captions.h"

using namespace mann;

TEST_SUITE_BEGIN("captioning");

TEST_CASE("the captioner learns easy 2x2 scenes: >= 95% exact match on held-out scenes (two seeds)") {
  const auto start = std::chrono::steady_clock::now();
  for (uint64_t seed : {1, 2}) {
    const double exact = testing::exact_match_after_training(seed, 3000);
    MESSAGE("seed " << seed << ": exact match " << exact);
    CHECK(exact >= 0.95);
  }
  MESSAGE("two seeds in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                          << " s");
}

TEST_SUITE_END();
