#include "tools/evaluation.h"

#include "framework/io/checkpoint.h"
#include "models/image/image_learner.h"
#include "models/memn2n/memn2n_learner.h"
#include "tools/cli_support.h"
#include "tools/run_state.h"

namespace mann {
namespace {

// Every question of a bAbI split; what an image learner evaluates; eval.batches batches of eval.batch
// examples for generated data.
int64_t evaluated_examples(const Experiment& experiment, const std::string& split) {
  if (const auto* qa = dynamic_cast<const MemN2NLearner*>(experiment.learner.get())) {
    const BabiDataset& data = qa->data();
    return static_cast<int64_t>(split == "train"   ? data.train.size()
                                : split == "valid" ? data.valid.size()
                                                   : data.test.size());
  }
  if (const auto* image = dynamic_cast<const ImageLearner*>(experiment.learner.get()))
    return image->evaluated_examples(split);
  const ConfigNode& eval = experiment.config.at("eval");
  return eval.at("batch").as<int64_t>() * eval.at("batches").as<int64_t>();
}

}  // namespace

void check_split(const std::string& split) {
  if (split != "train" && split != "valid" && split != "test")
    throw po::error("--split must be train, valid or test, not `" + split + "`");
}

RestoredExperiment restore_experiment(const std::filesystem::path& checkpoint,
                                      const std::vector<std::string>& overrides, const std::string& data_dir,
                                      bool last) {
  const ChosenCheckpoint chosen = choose_checkpoint(checkpoint, last);
  const CheckpointData data = read_checkpoint(chosen.path);
  RestoredExperiment restored{
      build_experiment(
          parse_stored_config(data.config_yaml, "<config of " + chosen.path.string() + ">", overrides),
          {data_dir}),
      chosen.path, data.progress.step, chosen};
  restore_parameters(restored.experiment, data);
  return restored;
}

CheckpointEvaluation evaluate_checkpoint(const std::filesystem::path& checkpoint, const std::string& split,
                                         const std::vector<std::string>& overrides,
                                         const std::string& data_dir, bool last) {
  RestoredExperiment restored = restore_experiment(checkpoint, overrides, data_dir, last);
  Experiment& experiment = restored.experiment;
  Rng rng(split_seed(experiment.trainer.eval_seed, split));
  const Metrics metrics = experiment.learner->evaluate(split, rng);
  return {experiment.name, restored.step, metrics, restored.chosen, evaluated_examples(experiment, split)};
}

}  // namespace mann
