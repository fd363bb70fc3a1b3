// `--seeds` of compare and sweep: a count, a range or a list.
#include <doctest/doctest.h>

#include "tools/cli_support.h"
#include "tools/seed_list.h"

using mann::parse_seeds;

TEST_SUITE_BEGIN("tools");

TEST_CASE("--seeds takes a count, a range or a list") {
  CHECK(parse_seeds("3") == std::vector<int>{1, 2, 3});
  CHECK(parse_seeds(mann::kDefaultSeeds).size() == 3);
  CHECK(parse_seeds("4-8") == std::vector<int>{4, 5, 6, 7, 8});
  CHECK(parse_seeds("1,3,5") == std::vector<int>{1, 3, 5});
  CHECK(parse_seeds("7,1-2") == std::vector<int>{7, 1, 2});
  for (const char* bad : {"0", "-3", "a", "5-2", "1,,2", "1,1", "2-", "3,"})
    CHECK_THROWS_AS(parse_seeds(bad), mann::po::error);
  CHECK_THROWS_WITH(parse_seeds("x"), doctest::Contains("--seeds `x`"));
}

TEST_SUITE_END();
