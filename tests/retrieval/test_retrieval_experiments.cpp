// End-to-end: the toy retrieval experiments of experiments/toy (soft, hard, gumbel addressing) each reach
// >= 95% test accuracy through `mann train` then `mann eval --split test`, from their fixed seed.
#include <doctest/doctest.h>

#include <regex>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("retrieval");

namespace {

// The value printed after `name` in `mann eval`'s listing ("  accuracy   0.987"), or -1.
double eval_metric(const std::string& output, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(output, m, std::regex("\\n\\s*" + name + "\\s+([-+0-9.eE]+)"))) return -1;
  return std::stod(m[1].str());
}

void check_solves(const std::string& experiment) {
  TempDir dir("retrieval");
  const std::string config = std::string(MANN_SOURCE_DIR) + "/experiments/toy/" + experiment + ".yaml";
  const std::string run = dir.path("run");
  const auto trained = run_mann("train " + config + " --out " + run);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const auto evaluated = run_mann("eval " + run + " --split test");
  REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  const double accuracy = eval_metric(evaluated.output, "accuracy");
  MESSAGE(experiment << ": test accuracy " << accuracy);
  CHECK(accuracy >= 0.95);
  CHECK(eval_metric(evaluated.output, "error") == doctest::Approx(1.0 - accuracy));
}

}  // namespace

TEST_CASE("retrieval experiment: soft content addressing solves it") {
  check_solves("retrieval_soft");
}
TEST_CASE("retrieval experiment: hard attention (REINFORCE) solves it") {
  check_solves("retrieval_hard");
}
TEST_CASE("retrieval experiment: gumbel-softmax attention solves it") {
  check_solves("retrieval_gumbel");
}

TEST_SUITE_END();
