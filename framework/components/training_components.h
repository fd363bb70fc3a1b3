#pragma once
// Registry entries for the training machinery: optimizers (kind "optimizer") and learning-rate schedules
// (kind "schedule").
#include <cstdint>

#include "framework/config/registry.h"

namespace mann {

struct OptimizerContext {};
struct ScheduleContext {
  float base_learning_rate = 0.f;
  // The run's length in the schedule's counter: epochs where the dataset has them, else steps (what the
  // trainer passes to Schedule::lr). A cosine without a period anneals over all of it.
  int64_t run_length = 0;
};

void register_training_components(Registry& registry);

/// Whether a `train.schedule` config takes its length from the run rather than from its own keys: a cosine
/// without a period (or with period 0) anneals over the whole run, so the run's length is part of what it
/// computes. The cosine entry reads its period through this.
bool schedule_follows_run_length(const ConfigNode& schedule);

}  // namespace mann
