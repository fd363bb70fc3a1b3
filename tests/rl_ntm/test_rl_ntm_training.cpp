// The RL-NTM end to end: the direct-access controller learns Copy at lengths up to 5 through the
// experiment spine (experiments/rl_ntm/copy_short_direct.yaml), on most of several seeds; and a run resumed
// from its checkpoint ends exactly where the uninterrupted run does, curriculum included.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "framework/io/checkpoint.h"
#include "framework/train/trainer.h"
#include "tests/support/temp_dir.h"
#include "tests/tools/cli_support.h"
#include "tools/bench_training.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("rl_ntm");

namespace {

const std::string kShortCopy = std::string(MANN_SOURCE_DIR) + "/experiments/rl_ntm/copy_short_direct.yaml";

// Test error rate (the normalised 0-1 loss) after training copy_short_direct.yaml from `seed`.
double train_short_copy(int seed) {
  ConfigNode config = load_and_validate(kShortCopy, {"seed=" + std::to_string(seed)});
  Experiment e = build_experiment(config);
  TrainingProgress progress;
  Rng rng(e.seed);
  train_quietly(e, *e.learner, e.trainer.steps, progress, rng);
  Rng fresh(12345);  // tapes the training never drew, at lengths 1..5
  const Metrics m = e.learner->evaluate("test", fresh);
  REQUIRE(m[0].first == "error_rate");
  MESSAGE("rl_copy 1..5, seed ", seed, ": error rate ", m[0].second, ", sequence accuracy ", m[1].second,
          " after ", progress.step, " steps");
  return m[0].second;
}

}  // namespace

TEST_CASE("the direct-access RL-NTM learns Copy at lengths <= 5: most of four seeds under 5% errors") {
  set_threads(1);
  const auto start = std::chrono::steady_clock::now();
  std::vector<double> errors;
  for (int seed : {1, 2, 3, 4}) errors.push_back(train_short_copy(seed));
  std::sort(errors.begin(), errors.end());
  MESSAGE("four seeds in ", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          " s");
  CHECK(errors[2] < 0.05);  // three of four solved it
  CHECK(errors[3] < 0.5);   // and the fourth learned too (an untrained model gets ~90% wrong)
}

TEST_CASE("rl_ntm resume: a run resumed from its checkpoint ends as the uninterrupted one") {
  TempDir dir("rl-ntm-resume");
  const std::string whole = (dir.path() / "whole").string(), split = (dir.path() / "split").string();
  const std::string sets = " --set train.checkpoint_every=30 --set train.batch=8 --set eval.batch=8";
  REQUIRE(run_mann("train " + kShortCopy + " --out " + whole + " --set train.steps=60" + sets).exit_code ==
          0);
  REQUIRE(run_mann("train " + kShortCopy + " --out " + split + " --set train.steps=30" + sets).exit_code ==
          0);
  const CommandResult resumed = run_mann("train --resume " + split + " --set train.steps=60");
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  const CheckpointData a = read_checkpoint(dir.path() / "whole" / "checkpoints" / "last.h5");
  const CheckpointData b = read_checkpoint(dir.path() / "split" / "checkpoints" / "last.h5");
  REQUIRE(a.params.size() == b.params.size());
  for (size_t i = 0; i < a.params.size(); ++i) {
    CAPTURE(a.params[i].first);
    CHECK(a.params[i].second == b.params[i].second);
  }
  REQUIRE(a.param("curriculum/state") != nullptr);

  // `mann attention` draws the heads' positions over time, one panel per tape.
  const CommandResult drawn =
      run_mann("attention " + whole + " --out " + (dir.path() / "heads.svg").string());
  CHECK_MESSAGE(drawn.exit_code == 0, drawn.output);
}

TEST_SUITE_END();
