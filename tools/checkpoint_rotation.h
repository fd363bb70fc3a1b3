#pragma once
// train.keep_checkpoints: besides last.h5 (overwritten at every save) a run keeps its newest N checkpoints
// as checkpoints/step-<step>.h5, so an earlier state survives a later one that went wrong.
#include <cstdint>
#include <filesystem>
#include <string>

namespace mann {

// "step-00000500.h5": zero-padded so the names sort by step.
std::string step_checkpoint_name(int64_t step);

// Copies the just-written `last` checkpoint to step-<step>.h5 beside it and removes the oldest
// step-numbered files beyond `keep` (keep <= 0: nothing is copied or removed).
void keep_step_checkpoint(const std::filesystem::path& last, int64_t step, int keep);

}  // namespace mann
