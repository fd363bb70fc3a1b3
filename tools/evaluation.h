#pragma once
// Evaluating a stored run: rebuild the experiment its checkpoint holds, load the parameters, evaluate one
// split from that split's fixed seed. Shared by `mann eval`, `mann attention` and `mann compare`.
#include <filesystem>
#include <string>
#include <vector>

#include "framework/train/learner.h"
#include "tools/checkpoint_choice.h"
#include "tools/experiment.h"

namespace mann {

// A checkpoint's experiment, rebuilt from its stored config (with `--set` overrides) and holding its
// parameters: ready to evaluate or to show its attention.
struct RestoredExperiment {
  Experiment experiment;
  std::filesystem::path checkpoint;  // the file it came from
  int64_t step = 0;                  // the checkpoint's training step
  ChosenCheckpoint chosen;           // which checkpoint of the run that is
};

// The splits `eval`, `attention` and `lengths` accept: train, valid, test (po::error otherwise).
void check_split(const std::string& split);

// checkpoint: a file, or a run directory (its best checkpoint, or its last with `last`). overrides: `--set`
// on the stored config. data_dir: --data-dir ("": the one the run stored, see record_data_dir).
RestoredExperiment restore_experiment(const std::filesystem::path& checkpoint,
                                      const std::vector<std::string>& overrides = {},
                                      const std::string& data_dir = "", bool last = false);

struct CheckpointEvaluation {
  std::string experiment;   // the experiment's name
  int64_t step = 0;         // the checkpoint's training step
  Metrics metrics;          // first: the primary metric (lower is better)
  ChosenCheckpoint chosen;  // the file evaluated
  int64_t examples = 0;     // how many examples were scored
};

CheckpointEvaluation evaluate_checkpoint(const std::filesystem::path& checkpoint, const std::string& split,
                                         const std::vector<std::string>& overrides = {},
                                         const std::string& data_dir = "", bool last = false);

}  // namespace mann
