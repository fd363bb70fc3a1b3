#pragma once
// An experiment, built from its resolved config: the learner (model bound to its dataset), optimizer,
// schedule and the trainer settings. Built the same way for `train`, `eval` and `--resume`, so a
// checkpoint's config rebuilds exactly the model that wrote it.
#include <memory>
#include <string>
#include <vector>

#include "framework/config/config_node.h"
#include "framework/config/registry.h"
#include "framework/train/learner.h"
#include "framework/train/optimizer.h"
#include "framework/train/schedule.h"
#include "framework/train/trainer.h"
#include "models/model_context.h"

namespace mann {

// Every registered component, plus the specs of the experiment's plain sections (train, eval, output).
const Registry& builtin_registry();

// Loads an experiment file with its `base:` chain and `--set` overrides, and validates it completely
// (unknown keys, types, required keys, component types) before anything is built. The result is complete:
// every option that has a default carries its effective value (framework/config/defaults.h), so it is what
// config.yaml, checkpoints and --dry-run show and what `mann compare` compares.
ConfigNode load_and_validate(const std::string& path, const std::vector<std::string>& overrides);
// Parses and validates a resolved config stored in a checkpoint (positions point into "<checkpoint>"),
// completed with defaults like load_and_validate (older checkpoints stored only what their file set).
ConfigNode parse_stored_config(const std::string& yaml_text, const std::string& label);
// The same with `--set` overrides applied on top first (train --resume, eval --set).
ConfigNode parse_stored_config(const std::string& yaml_text, const std::string& label,
                               const std::vector<std::string>& overrides);

struct Experiment {
  ConfigNode config;
  std::string name;
  uint64_t seed = 0;
  std::string output_dir;
  TrainerOptions trainer;
  double solved_below = 0.05;  // eval.solved_below: the primary metric value that counts as solved
  std::string init_from;       // train.init_from: warm-start checkpoint or run directory ("" = none)
  int keep_checkpoints = 0;    // train.keep_checkpoints: step-numbered checkpoints kept besides last.h5
  std::unique_ptr<Learner> learner;
  std::unique_ptr<Optimizer> optimizer;
  std::unique_ptr<Schedule> schedule;
};

struct BuildOptions {
  std::string data_dir;  // --data-dir: overrides dataset.data_dir where the dataset has one
};

Experiment build_experiment(const ConfigNode& config, const BuildOptions& options = {});

// `mann train --data-dir DIR`: writes DIR (made absolute) into dataset.data_dir where the dataset has that
// option, so config.yaml and the checkpoints remember where the data was and `eval`/`attention` find it
// without --data-dir (which still overrides it).
void record_data_dir(ConfigNode& config, const std::string& data_dir);

// The run directory of `mann train` without --out: output.dir with {name} replaced by the experiment's name
// followed by `-key=value` for each --set override (key: the path's last part; value: characters other
// than letters, digits and `.,+-` become `_`), so `--set dataset.task=3` trains into
// `runs/babi-pe-ls-rn-3hop-1k-task=3` and runs that differ by an override never share a directory.
// Overrides of output.*, train.log_every, train.checkpoint_every and train.keep_checkpoints change what is
// logged, kept or where, not what is learned, so they add nothing.
std::string default_run_dir(const Experiment& experiment, const std::vector<std::string>& overrides);

}  // namespace mann
