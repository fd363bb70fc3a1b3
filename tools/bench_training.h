#pragma once
// Training an experiment quietly through the same Trainer as `mann train` (nothing logged, evaluated or
// saved): the timed part of `mann bench ntm|ram|captioner`, and the training tests of whole experiments.
#include <cstdint>
#include <functional>

#include "framework/train/learner.h"
#include "framework/train/trainer.h"
#include "tools/experiment.h"

namespace mann {

// Training steps a bench runs before it starts its clock, as the PyTorch references do: allocation, caches
// and branch predictors settle.
inline constexpr int64_t kBenchWarmupSteps = 20;

// Throws a usage error (po::error) unless `steps` leaves timed steps after the warm-up.
void check_bench_steps(int64_t steps);

// Trains `learner` (the experiment's, or a wrapper of it) with e's optimizer and schedule from `progress`
// to `steps`, drawing from `rng`, with nothing logged, evaluated or saved (one report at the end).
void train_quietly(Experiment& e, Learner& learner, int64_t steps, TrainingProgress& progress, Rng& rng);

// Trains `learner` (the experiment's, or a wrapper of it) with e's optimizer and schedule for
// `warmup_steps`, calls after_warmup (e.g. to reset a counter), then trains on to `steps` and returns the
// seconds those steps took. One Rng seeded with e.seed feeds both phases.
double timed_training_seconds(Experiment& e, Learner& learner, int64_t warmup_steps, int64_t steps,
                              const std::function<void()>& after_warmup = {});

}  // namespace mann
