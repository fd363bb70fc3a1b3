// `mann train`: build an experiment from its file (or a checkpoint when resuming), train it, and keep the
// run directory (config.yaml, metrics.csv, checkpoints/last.h5 and best.h5) up to date as it goes.
#include <csignal>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "framework/config/override.h"
#include "framework/distributed/world.h"
#include "framework/io/checkpoint.h"
#include "tools/checkpoint_rotation.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"
#include "tools/interrupt.h"
#include "tools/run_lock.h"
#include "tools/run_record.h"
#include "tools/run_state.h"

namespace mann {
namespace fs = std::filesystem;

namespace {

const char* kTrainUsage =
    R"(usage: mann train CONFIG [--set key=value]... [--out DIR] [--threads N] [--data-dir DIR]
       mann train --resume RUN_DIR_OR_CHECKPOINT [--set key=value]... [--out DIR]
       mann train CONFIG --dry-run [--set key=value]... [--data-dir DIR]

Trains the experiment in CONFIG. The run directory (default: output.dir of the config, runs/{name}, with
`-key=value` appended to the name for each --set override, e.g. runs/babi-task=3) receives the
resolved config.yaml, metrics.csv, and checkpoints/last.h5 and checkpoints/best.h5. --resume continues a
run from its last checkpoint with exactly the losses an uninterrupted run would have produced; --set
overrides apply on top of the stored config (e.g. --set train.steps=20000 to train longer).
--dry-run checks what a run starts from (the file, the data, the model built from both, a checkpoint to
resume from), prints the resolved config and the run's size and length, and writes nothing: a check
before a long job is queued.

Under `mpirun -np N` (or srun) the ranks train data-parallel: each computes its share of every batch, the
gradients are summed, and rank 0 alone writes the run directory (which every rank must be able to read
for --resume). A checkpoint resumes with any number of ranks.

Ctrl-C (SIGINT) or SIGTERM stops training after the current step, saves a checkpoint of it and prints
the command that resumes it (exit code 130 / 143); a second Ctrl-C ends at once. The resolved config
written to config.yaml (and printed by --dry-run) is complete: every option with its effective value.)";

// "2900 steps (100 epochs of 29 steps)": the length as the trainer will count it.
std::string describe_length(const TrainerOptions& t) {
  const std::string steps = std::to_string(t.steps) + " steps";
  if (t.steps_per_epoch <= 0) return steps;
  const std::string epochs = format_epochs(t.steps, t.steps_per_epoch);  // as the live line says it
  return steps + " (" + epochs + (epochs == "1" ? " epoch" : " epochs") + " of " +
         std::to_string(t.steps_per_epoch) + " steps)";
}

// The split evaluated during training picks the best checkpoint; choosing on test (or train) data makes the
// best checkpoint's score on it optimistic, which is allowed (a quick look) but worth a word.
void warn_about_selection_split(const ConfigNode& config) {
  const ConfigNode* eval = config.find("eval");
  const ConfigNode* split = eval ? eval->find("split") : nullptr;
  if (!split || !split->is_scalar() || split->text() == "valid") return;
  std::cerr << "mann train: warning: " << split->pos().to_string() << ": key `eval.split` is "
            << split->describe() << ": the best checkpoint is then selected on " << split->text()
            << " data, so its " << split->text() << " score is optimistic; select on valid for results\n";
}

struct RunPaths {
  fs::path dir, config, metrics, last, best;
  explicit RunPaths(const fs::path& d)
      : dir(d),
        config(d / "config.yaml"),
        metrics(d / "metrics.csv"),
        last(d / "checkpoints" / "last.h5"),
        best(d / "checkpoints" / "best.h5") {}
};

}  // namespace

int train_command(const Args& args) {
  po::options_description options("train options");
  std::vector<std::string> sets;
  std::string config_path, out, resume, data_dir;
  int threads = 1;
  bool force = false, dry_run = false;
  std::vector<std::string> positionals;
  options.add_options()("config", po::value(&positionals), "experiment YAML file")(
      "set", po::value(&sets)->composing(),
      "override a config key: --set train.optimizer.lr=0.005 (repeatable)")(
      "out", po::value(&out), "run directory (default: the config's output.dir, plus -key=value per --set)")(
      "resume", po::value(&resume), "continue the run in this directory or checkpoint")(
      "data-dir", po::value(&data_dir), "data directory (overrides the config and MANN_DATA)")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products")(
      "force", po::bool_switch(&force), "start over in a run directory that already has checkpoints")(
      "dry-run", po::bool_switch(&dry_run), "check and describe the run, print its config, write nothing");
  po::positional_options_description positional;
  positional.add("config", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kTrainUsage, options, positional, vm)) return kOk;
  config_path = single_positional(positionals, "an experiment file");
  set_threads(threads);
  // An empty --out would put the run directory's files into the current directory.
  if (vm.count("out") && out.empty()) throw po::error("--out needs a directory, got an empty string");

  ConfigNode config;
  CheckpointData resumed;
  if (!resume.empty()) {
    const fs::path checkpoint = resolve_checkpoint(resume);
    resumed = read_checkpoint(checkpoint);
    config = parse_stored_config(resumed.config_yaml, "<config of " + checkpoint.string() + ">", sets);
    if (out.empty()) out = checkpoint.parent_path().parent_path().string();
  } else {
    if (config_path.empty()) throw po::error("an experiment file (CONFIG) or --resume is required");
    config = load_and_validate(config_path, sets);
  }
  record_data_dir(config, data_dir);
  Experiment experiment = build_experiment(config, {data_dir});
  const RunPaths run(out.empty() ? fs::path(default_run_dir(experiment, sets)) : fs::path(out));
  // Data-parallel ranks train in step; rank 0 alone writes the run directory and reports.
  const bool writer = distributed::world().is_root();
  std::optional<RunDirectoryLock> lock;  // before anything looks at the directory's checkpoints
  if (writer && !dry_run) {
    lock.emplace(run.dir);
    for (const fs::path& dir : {run.dir, run.dir / "checkpoints"})
      for (const fs::path& stale : remove_stale_temporaries(dir))
        std::cerr << "removed " << stale.string() << ", left by a run that was killed while saving\n";
  }
  const bool has_checkpoint = fs::exists(run.last);
  if (!dry_run && resume.empty() && has_checkpoint && !force)
    throw UserError("run directory " + run.dir.string() +
                    " already has a checkpoint; continue it with `mann train --resume " + run.dir.string() +
                    "`, choose another --out, or start over with --force");

  // Resuming and warm starting read checkpoints only, so a dry run checks them too.
  Rng rng(experiment.seed);
  TrainingProgress progress;
  if (!resume.empty()) {
    restore_training_state(experiment, resumed, progress, rng);
    if (writer)
      std::cerr << "resuming " << experiment.name << " from step " << progress.step << " ("
                << resumed.source.string() << ")\n";
  } else if (!experiment.init_from.empty()) {
    const CheckpointData start = read_checkpoint(resolve_checkpoint(experiment.init_from, "best"));
    const std::vector<std::string> fresh = warm_start_parameters(experiment, start);
    if (writer) {
      std::cerr << "warm start from " << start.source.string();
      for (size_t i = 0; i < fresh.size(); ++i)
        std::cerr << (i ? ", " : "; freshly initialised: ") << fresh[i];
      std::cerr << "\n";
    }
  }
  if (writer) warn_about_selection_split(experiment.config);
  const int64_t parameter_count = experiment.learner->parameters().count();
  if (dry_run) {
    if (!writer) return kOk;
    std::cout << to_yaml(experiment.config) << "# " << experiment.name << ": " << parameter_count
              << " parameters, " << describe_length(experiment.trainer) << ", run directory "
              << run.dir.string() << (has_checkpoint ? " (has a checkpoint)" : "")
              << "\n# dry run: nothing was written\n";
    return kOk;
  }
  if (writer) {
    fs::create_directories(run.dir / "checkpoints");
    write_run_file(run.config, to_yaml(experiment.config));
    append_run_record(run.dir, "train", args);
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> quiet(writer ? nullptr : std::fopen("/dev/null", "w"),
                                                              &std::fclose);
  ProgressReporter reporter(writer ? stderr : quiet.get(), writer ? -1 : 0);
  // The run keeps what it printed: every start and resume appends to progress.log.
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> progress_log(
      writer ? std::fopen((run.dir / "progress.log").c_str(), "a") : nullptr, &std::fclose);
  if (writer && !progress_log)
    std::cerr << "mann train: warning: cannot write " << (run.dir / "progress.log").string()
              << "; the run goes on without it\n";
  reporter.log_to(progress_log.get());
  const int ranks = distributed::world().size();
  reporter.message("training " + experiment.name + ": " + std::to_string(parameter_count) + " parameters, " +
                   describe_length(experiment.trainer) + ", run directory " + run.dir.string() +
                   (ranks > 1 ? ", data-parallel over " + std::to_string(ranks) + " ranks" : ""));
  Trainer::Hooks hooks;
  if (writer) {
    hooks.on_row = [&](const MetricsTable& table) { append_metrics_csv_row(run.metrics, table); };
    hooks.on_checkpoint = [&](const TrainingProgress& p, bool best, bool final) {
      write_checkpoint(best ? run.best : run.last, capture_checkpoint(experiment, p, rng, final));
      if (!best) keep_step_checkpoint(run.last, p.step, experiment.keep_checkpoints);
    };
  }
  // From here on Ctrl-C or SIGTERM ends the run after the current step, with a checkpoint of it.
  hooks.stop_requested = [] { return interrupt_signal() != 0; };
  Trainer trainer(*experiment.learner, *experiment.optimizer, *experiment.schedule, experiment.trainer,
                  reporter, hooks);
  if (progress.history.columns.empty()) progress.history.columns = trainer.columns();
  trainer.reopen_partial_report(progress);
  if (writer)
    write_metrics_csv(run.metrics, progress.history);  // on resume: the history up to the checkpoint
  install_interrupt_handlers();
  bool finished = false;
  try {
    finished = trainer.run(progress, rng);
  } catch (const TrainingDiverged& e) {
    reporter.finish();
    if (!writer) return kDiverged;  // every rank saw the same sums; rank 0 says why
    const std::string kept = fs::exists(run.last) ? "the last good checkpoint is kept: " + run.last.string()
                                                  : std::string("no checkpoint had been written yet");
    std::cerr << "mann train: training stopped: " << e.what() << "\n" << kept << "\n";
    reporter.log(std::string("training stopped: ") + e.what() + "\n" + kept);
    return kDiverged;
  }
  if (!finished) {
    const int signal = interrupt_signal();
    if (writer) {
      const std::string said = "interrupted at step " + std::to_string(progress.step) +
                               "; checkpoint saved to " + run.last.string() +
                               "; resume with: mann train --resume " + run.dir.string();
      std::cerr << said << "\n";
      reporter.log(said);
    }
    return interrupted_exit_code(signal != 0 ? signal : SIGINT);
  }
  if (!writer) return kOk;
  std::ostringstream said;
  said << "finished " << experiment.name << " at step " << progress.step;
  if (progress.best_step >= 0)
    said << "; best " << progress.best_metric_name << " " << progress.best_metric << " at step "
         << progress.best_step;
  said << "\ncheckpoints: " << run.last.string() << ", " << run.best.string();
  std::cout << said.str() << "\n";
  reporter.log(said.str());
  return kOk;
}

}  // namespace mann
