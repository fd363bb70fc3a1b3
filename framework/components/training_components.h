#pragma once
// Registry entries for the training machinery: optimizers (kind "optimizer") and learning-rate schedules
// (kind "schedule").
#include "framework/config/registry.h"

namespace mann {

struct OptimizerContext {};
struct ScheduleContext {
  float base_learning_rate = 0.f;
};

void register_training_components(Registry& registry);

}  // namespace mann
