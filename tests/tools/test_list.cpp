// `mann list`: the top-level keys, the values of string options with fixed choices, and one section or
// component at a time.
#include <doctest/doctest.h>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_CASE("mann list shows the top-level keys and the choices of string options") {
  const auto listed = run_mann("list");
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.output);
  for (const char* key : {"name ", "seed ", "base ", "sweep "})
    CHECK_MESSAGE(listed.output.find("      " + std::string(key)) != std::string::npos, key);
  CHECK(listed.output.find("one of: bow, pe, pe_centered") != std::string::npos);
  CHECK(listed.output.find("one of: dot, scaled_dot, cosine, additive") != std::string::npos);
}

TEST_CASE("mann list shows each enum option's choices and its default from the options struct") {
  const auto ntm = run_mann("list model ntm");
  REQUIRE_MESSAGE(ntm.exit_code == 0, ntm.output);
  for (const char* line : {"default: lstm", "one of: lstm, feedforward\n", "default: constant",
                           "one of: constant, learned, random\n", "one of: onehot, uniform\n",
                           "default: linear", "one of: linear, tanh\n"})
    CHECK_MESSAGE(ntm.output.find(line) != std::string::npos, line);
  const auto hard = run_mann("list addressing hard");
  REQUIRE_MESSAGE(hard.exit_code == 0, hard.output);
  CHECK(hard.output.find("one of: none, ema, learned\n") != std::string::npos);
}

TEST_CASE("mann list SECTION [NAME] narrows the listing") {
  const auto models = run_mann("list model");
  REQUIRE_MESSAGE(models.exit_code == 0, models.output);
  CHECK(models.output.find("  ntm") != std::string::npos);
  CHECK(models.output.find("  memn2n") != std::string::npos);
  CHECK(models.output.find("adam") == std::string::npos);

  const auto ntm = run_mann("list model ntm");
  REQUIRE_MESSAGE(ntm.exit_code == 0, ntm.output);
  CHECK(ntm.output.find("memory_init") != std::string::npos);
  CHECK(ntm.output.find("memn2n") == std::string::npos);

  const auto train = run_mann("list train");
  REQUIRE_MESSAGE(train.exit_code == 0, train.output);
  CHECK(train.output.find("clip_norm") != std::string::npos);
  CHECK(train.output.find("beam_size") == std::string::npos);

  const auto typo = run_mann("list modle");
  CHECK(typo.exit_code == 1);
  CHECK_MESSAGE(typo.output.find("did you mean `model`?") != std::string::npos, typo.output);
  const auto unknown = run_mann("list model ntn");
  CHECK(unknown.exit_code == 1);
  CHECK_MESSAGE(unknown.output.find("did you mean `ntm`?") != std::string::npos, unknown.output);
}
