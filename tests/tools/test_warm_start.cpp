// train.init_from: a hard-attention run starts from a soft-attention run's parameters (the usual aid for
// REINFORCE), parameters it lacks stay freshly initialised, and mismatched shapes are refused by name.
#include <doctest/doctest.h>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

namespace {

std::string toy(const std::string& name) {
  return std::string(MANN_SOURCE_DIR) + "/experiments/toy/" + name + ".yaml";
}

}  // namespace

TEST_CASE("warm start: hard retrieval starts from a soft run and from its accuracy") {
  TempDir dir("warm");
  const std::string soft = dir.path("soft");
  const auto trained = run_mann("train " + toy("retrieval_soft") + " --set train.steps=400 --out " + soft);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);

  // One step of hard training from the soft run: it is already (nearly) solved, which a fresh start is not.
  const auto warm =
      run_mann("train " + toy("retrieval_hard") + " --set train.steps=1 --set train.init_from=" + soft +
               " --out " + dir.path("warm"));
  REQUIRE_MESSAGE(warm.exit_code == 0, warm.output);
  CHECK(warm.output.find("warm start from " + soft + "/checkpoints/best.h5") != std::string::npos);
  const auto cold =
      run_mann("train " + toy("retrieval_hard") + " --set train.steps=1 --out " + dir.path("cold"));
  REQUIRE(cold.exit_code == 0);
  const auto warm_eval = run_mann("eval " + dir.path("warm") + " --split test");
  const auto cold_eval = run_mann("eval " + dir.path("cold") + " --split test");
  REQUIRE_MESSAGE(warm_eval.exit_code == 0, warm_eval.output);
  const auto accuracy = [](const std::string& out) {
    const size_t at = out.find("accuracy");
    return at == std::string::npos ? -1.0 : std::stod(out.substr(out.find_first_of("0123456789", at)));
  };
  CHECK(accuracy(warm_eval.output) > 0.8);
  CHECK(accuracy(cold_eval.output) < 0.5);

  const auto wrong = run_mann("train " + toy("retrieval_hard") + " --set train.steps=1 --set model.embed=8" +
                              " --set train.init_from=" + soft + " --out " + dir.path("wrong"));
  CHECK(wrong.exit_code != 0);
  CHECK(wrong.output.find("warm start from") != std::string::npos);
  CHECK(wrong.output.find("model/") != std::string::npos);  // names the parameter
  CHECK(wrong.output.find("(16x8) in this model") != std::string::npos);
}

TEST_SUITE_END();
