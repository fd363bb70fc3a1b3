#include "tools/evaluation.h"

#include "framework/io/checkpoint.h"
#include "tools/experiment.h"
#include "tools/run_state.h"

namespace mann {

CheckpointEvaluation evaluate_checkpoint(const std::filesystem::path& checkpoint, const std::string& split,
                                         const std::vector<std::string>& overrides,
                                         const std::string& data_dir) {
  const auto path = resolve_checkpoint(checkpoint, "best");
  const CheckpointData data = read_checkpoint(path);
  Experiment experiment = build_experiment(
      parse_stored_config(data.config_yaml, "<config of " + path.string() + ">", overrides), {data_dir});
  restore_parameters(experiment, data);
  Rng rng(split_seed(experiment.trainer.eval_seed, split));
  return {experiment.name, data.progress.step, experiment.learner->evaluate(split, rng)};
}

}  // namespace mann
