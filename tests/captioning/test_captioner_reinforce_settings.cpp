// The measurement behind the README's table of hard attention's REINFORCE settings on the easy scenes
// (rewards to go, expected context 0 or 0.5, one baseline or one per word position): opt-in, about 2-4
// minutes a run, so it is skipped by the suite. Run it with
//   build/mann_tests -tc="*REINFORCE settings*" --no-skip -s
#include <doctest/doctest.h>

#include "tests/support/easy_captions.h"

using namespace mann;

TEST_SUITE_BEGIN("captioning");

TEST_CASE("captioner hard attention's REINFORCE settings on the easy scenes (measurement)" *
          doctest::skip()) {
  for (const uint64_t seed : {1, 2})
    for (const float expected_context : {0.f, 0.5f})
      for (const bool step_baseline : {false, true}) {
        const double exact = testing::exact_match_after_training(
            seed, 3000, testing::hard_additive_attention(16), [&](CaptionerOptions& o) {
              o.reward = CaptionReward::ToGo;
              o.expected_context = expected_context;
              o.step_baseline = step_baseline;
            });
        MESSAGE("seed " << seed << ", expected context " << expected_context << ", step baseline "
                        << step_baseline << ": exact match " << exact);
        CHECK(exact >= 0.0);
      }
}

TEST_SUITE_END();
