#include "tools/bench_training.h"

#include <chrono>

#include "framework/train/progress.h"
#include "framework/train/trainer.h"

namespace mann {

double timed_training_seconds(Experiment& e, Learner& learner, int64_t warmup_steps, int64_t steps,
                              const std::function<void()>& after_warmup) {
  TrainerOptions t = e.trainer;
  t.log_every = t.eval_every = t.checkpoint_every = 0;  // reports only at the end of each phase
  ProgressReporter reporter(stderr, 0);
  TrainingProgress progress;
  Rng rng(e.seed);
  t.steps = warmup_steps;
  Trainer(learner, *e.optimizer, *e.schedule, t, reporter, {}).run(progress, rng);
  if (after_warmup) after_warmup();
  t.steps = steps;
  const auto start = std::chrono::steady_clock::now();
  Trainer(learner, *e.optimizer, *e.schedule, t, reporter, {}).run(progress, rng);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace mann
