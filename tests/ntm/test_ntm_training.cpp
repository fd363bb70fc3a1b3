// CI smoke test: the NTM learns copy on lengths 1..5 from a fixed seed, trained through the experiment
// spine with experiments/ntm/copy_short.yaml (Adam at a larger rate than the paper's RMSProp recipe, and
// a smaller memory, so that it converges in seconds rather than hours).
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "framework/train/trainer.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("the NTM learns copy on lengths 1..5 to under 0.1 bit errors per sequence") {
  set_threads(1);  // as `mann train` does: threaded products of these small matrices are far slower
  const auto start = std::chrono::steady_clock::now();
  Experiment e = build_experiment(
      load_and_validate(std::string(MANN_SOURCE_DIR) + "/experiments/ntm/copy_short.yaml", {}));
  TrainerOptions options = e.trainer;
  options.log_every = options.eval_every = options.checkpoint_every = 0;
  ProgressReporter quiet(stderr, 0);
  Trainer trainer(*e.learner, *e.optimizer, *e.schedule, options, quiet, {});
  TrainingProgress progress;
  Rng rng(e.seed);
  trainer.run(progress, rng);

  Rng fresh(12345);  // sequences the training never drew
  const Metrics m = e.learner->evaluate("test", fresh);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("copy 1..5: ", m[0].first, " ", m[0].second, ", sequence accuracy ", m[2].second, " after ",
          progress.step, " steps, ", seconds, " s");
  CHECK(m[0].first == "bit_errors");
  CHECK(m[0].second < 0.1);
}

TEST_SUITE_END();
