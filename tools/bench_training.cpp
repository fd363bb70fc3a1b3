#include "tools/bench_training.h"

#include <chrono>

#include "framework/train/progress.h"
#include "framework/train/trainer.h"
#include "tools/cli_support.h"

namespace mann {

void check_bench_steps(int64_t steps) {
  if (steps <= kBenchWarmupSteps)
    throw po::error("--steps must be more than the " + std::to_string(kBenchWarmupSteps) + " warm-up steps");
}

void train_quietly(Experiment& e, Learner& learner, int64_t steps, TrainingProgress& progress, Rng& rng) {
  TrainerOptions t = e.trainer;
  t.steps = steps;
  t.log_every = t.eval_every = t.checkpoint_every = 0;
  ProgressReporter reporter(stderr, 0);
  Trainer(learner, *e.optimizer, *e.schedule, t, reporter, {}).run(progress, rng);
}

double timed_training_seconds(Experiment& e, Learner& learner, int64_t warmup_steps, int64_t steps,
                              const std::function<void()>& after_warmup) {
  TrainingProgress progress;
  Rng rng(e.seed);
  train_quietly(e, learner, warmup_steps, progress, rng);
  if (after_warmup) after_warmup();
  const auto start = std::chrono::steady_clock::now();
  train_quietly(e, learner, steps, progress, rng);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace mann
