// Sequence-task training aids: a length curriculum that depends on the step alone, and the REINFORCE
// diagnostics (policy entropy, reward, gradient variance) logged when a head uses hard attention.
#include <doctest/doctest.h>

#include "models/sequence/sequence_learner.h"
#include "tests/tools/cli_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("curriculum: the maximum length grows by one every N steps up to the task's") {
  SequenceLearnerOptions o;
  CHECK(curriculum_max_length(o, 12345, 20) == 20);  // off
  o.curriculum_start = 2;
  o.curriculum_every = 100;
  CHECK(curriculum_max_length(o, 0, 20) == 2);
  CHECK(curriculum_max_length(o, 99, 20) == 2);
  CHECK(curriculum_max_length(o, 100, 20) == 3);
  CHECK(curriculum_max_length(o, 1750, 20) == 19);
  CHECK(curriculum_max_length(o, 1000000, 20) == 20);
}

TEST_CASE("curriculum and hard-attention diagnostics appear in metrics.csv") {
  TempDir dir("curriculum");
  const std::string source = MANN_SOURCE_DIR;
  const auto run =
      run_mann("train " + source + "/experiments/default.yaml --set train.steps=40 " +
               "--set train.log_every=10 --set train.eval_every=0 --set model.curriculum_start=1 " +
               "--set model.curriculum_every=10 --out " + dir.path("lstm"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const std::string csv = read_text(dir.path("lstm") + "/metrics.csv");
  CHECK(csv.find("max_length") != std::string::npos);
  const auto bad =
      run_mann("train " + source + "/experiments/default.yaml --set model.curriculum_every=0 --out " +
               dir.path("bad"));
  CHECK(bad.exit_code != 0);
  CHECK(bad.output.find("model.curriculum_every") != std::string::npos);

  const auto hard = run_mann("train " + source + "/experiments/compare/sort_hard.yaml --set train.steps=2 " +
                             "--set train.log_every=1 --set train.eval_every=0 --set train.batch=2 --out " +
                             dir.path("hard"));
  REQUIRE_MESSAGE(hard.exit_code == 0, hard.output);
  const std::string hard_csv = read_text(dir.path("hard") + "/metrics.csv");
  CHECK(hard_csv.find("policy_entropy") != std::string::npos);
  CHECK(hard_csv.find("grad_variance") != std::string::npos);
}

TEST_SUITE_END();
