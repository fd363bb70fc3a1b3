#pragma once
// Evaluating a stored run: rebuild the experiment its checkpoint holds, load the parameters, evaluate one
// split from that split's fixed seed. Shared by `mann eval` and `mann compare`.
#include <filesystem>
#include <string>
#include <vector>

#include "framework/train/learner.h"

namespace mann {

struct CheckpointEvaluation {
  std::string experiment;  // the experiment's name
  int64_t step = 0;        // the checkpoint's training step
  Metrics metrics;         // first: the primary metric (lower is better)
};

// checkpoint: a file, or a run directory (its best checkpoint). overrides: `--set` on the stored config.
CheckpointEvaluation evaluate_checkpoint(const std::filesystem::path& checkpoint, const std::string& split,
                                         const std::vector<std::string>& overrides = {},
                                         const std::string& data_dir = "");

}  // namespace mann
