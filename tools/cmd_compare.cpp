// `mann compare`: train several experiments over seeds 1..N as `mann train` child processes, reuse the
// runs that already finished, and report final test metrics, solve rates and learning curves.
#include <iostream>
#include <set>

#include "framework/autodiff/errors.h"
#include "framework/distributed/world.h"
#include "tools/cli_support.h"
#include "tools/compare.h"
#include "tools/seed_list.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

const char* kCompareUsage =
    R"(usage: mann compare EXP_A.yaml EXP_B.yaml ... [--seeds N|A-B|A,B,C] [--jobs J] [--out DIR]
                    [--set key=value]...

Trains every experiment with each seed (--seeds 5: seeds 1..5; 4-8: seeds 4..8; 1,3,5: those; default
3), each run `mann train EXP --set seed=S --out DIR/<exp>/seed-S` (<exp>: the file's name without
.yaml), up to J runs at a time, each logging to its train.log. A run directory is used only for the same
complete config (defaults included) apart from train.steps: a run at train.steps is reused, a shorter or
interrupted one resumed from its checkpoint (not under a cosine schedule without a period, whose rates
follow train.steps: there the length is part of the config). A run of another config (the differing keys
are named) or a longer one is kept as it is, and the run goes to DIR/<exp>/seed-S-<hash of its config>
instead. Nothing is deleted. Then prints the summary and writes DIR/report.md, DIR/report.csv (one row
per experiment), DIR/runs.csv (one row per run), and DIR/curves.svg/.png. The reports give the
validation metric (best and final) that selection is made on, mark the experiment selected by it, and
show test beside it.
--set overrides apply to every experiment. Exit code 1 when any run failed (the report still lists it).
Ctrl-C (or SIGTERM) stops the training runs at a checkpoint of their current step (exit code 130 / 143,
no report); the same command again resumes them.

Under `mpirun -np N` (or srun) the runs are dealt to the ranks (each up to J at a time); rank 0 gathers
the outcomes and writes the report. DIR must be one directory all ranks see (a shared file system).)";

}  // namespace

int compare_command(const Args& args) {
  po::options_description options("compare options");
  std::vector<std::string> files, sets;
  std::string out;
  std::string seeds;
  int jobs = 1;
  options.add_options()("experiments", po::value(&files)->composing(), "experiment YAML files")(
      "seeds", po::value(&seeds)->default_value(kDefaultSeeds),
      "seeds of every experiment: N (1..N), A-B or A,B,C")("jobs", po::value(&jobs)->default_value(1),
                                                           "training runs at a time")(
      "out", po::value(&out)->default_value("runs/compare"), "directory of the runs and the report")(
      "set", po::value(&sets)->composing(), "override a config key of every experiment (repeatable)");
  po::positional_options_description positional;
  positional.add("experiments", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kCompareUsage, options, positional, vm)) return kOk;
  if (files.empty()) throw po::error("at least one experiment file is required");
  if (jobs <= 0) throw po::error("--jobs must be positive");

  std::vector<CompareExperiment> experiments;
  std::set<std::string> labels;
  for (const std::string& file : files) {
    experiments.push_back(describe_experiment(file, fs::path(file).stem().string(), sets));
    if (!labels.insert(experiments.back().label).second)
      throw UserError("two experiment files are named `" + experiments.back().label +
                      "`; their runs would share a directory");
  }
  return run_comparison(experiments, {parse_seeds(seeds), jobs, out, sets}, distributed::world(), std::cout);
}

}  // namespace mann
