#pragma once
// The timed part of `mann bench ntm|ram`: an experiment's training run through the same Trainer as
// `mann train`, with nothing logged, evaluated or saved, timed after a warm-up.
#include <cstdint>
#include <functional>

#include "framework/train/learner.h"
#include "tools/experiment.h"

namespace mann {

// Trains `learner` (the experiment's, or a wrapper of it) with e's optimizer and schedule for
// `warmup_steps`, calls after_warmup (e.g. to reset a counter), then trains on to `steps` and returns the
// seconds those steps took. One Rng seeded with e.seed feeds both phases.
double timed_training_seconds(Experiment& e, Learner& learner, int64_t warmup_steps, int64_t steps,
                              const std::function<void()>& after_warmup = {});

}  // namespace mann
