#include "tools/evaluation.h"

#include "framework/io/checkpoint.h"
#include "tools/run_state.h"

namespace mann {

RestoredExperiment restore_experiment(const std::filesystem::path& checkpoint,
                                      const std::vector<std::string>& overrides,
                                      const std::string& data_dir) {
  const auto path = resolve_checkpoint(checkpoint, "best");
  const CheckpointData data = read_checkpoint(path);
  RestoredExperiment restored{
      build_experiment(parse_stored_config(data.config_yaml, "<config of " + path.string() + ">", overrides),
                       {data_dir}),
      path, data.progress.step};
  restore_parameters(restored.experiment, data);
  return restored;
}

CheckpointEvaluation evaluate_checkpoint(const std::filesystem::path& checkpoint, const std::string& split,
                                         const std::vector<std::string>& overrides,
                                         const std::string& data_dir) {
  RestoredExperiment restored = restore_experiment(checkpoint, overrides, data_dir);
  Experiment& experiment = restored.experiment;
  Rng rng(split_seed(experiment.trainer.eval_seed, split));
  return {experiment.name, restored.step, experiment.learner->evaluate(split, rng)};
}

}  // namespace mann
