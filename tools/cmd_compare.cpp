// `mann compare`: train several experiments over seeds 1..N as `mann train` child processes, reuse the
// runs that already finished, and report final test metrics, solve rates and learning curves.
#include <iostream>
#include <set>

#include "framework/autodiff/errors.h"
#include "framework/distributed/world.h"
#include "tools/cli_support.h"
#include "tools/compare.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

const char* kCompareUsage =
    R"(usage: mann compare EXP_A.yaml EXP_B.yaml ... [--seeds N] [--jobs J] [--out DIR] [--set key=value]...

Trains every experiment with seeds 1..N (each run: `mann train EXP --set seed=S --out DIR/<exp>/seed-S`,
where <exp> is the file's name without .yaml), up to J runs at a time, each logging to its train.log. A
run whose checkpoints/last.h5 is already at train.steps is reused. Then writes DIR/report.md,
DIR/report.csv (one row per experiment), DIR/runs.csv (one row per run), and DIR/curves.svg/.png.
--set overrides apply to every experiment. Exit code 1 when any run failed (the report still lists it).

Under `mpirun -np N` (or srun) the runs are dealt to the ranks (each up to J at a time); rank 0 gathers
the outcomes and writes the report. DIR must be one directory all ranks see (a shared file system).)";

}  // namespace

int compare_command(const Args& args) {
  po::options_description options("compare options");
  std::vector<std::string> files, sets;
  std::string out;
  int seeds = 3, jobs = 1;
  options.add_options()("experiments", po::value(&files)->composing(), "experiment YAML files")(
      "seeds", po::value(&seeds)->default_value(3), "train seeds 1..N of every experiment")(
      "jobs", po::value(&jobs)->default_value(1), "training runs at a time")(
      "out", po::value(&out)->default_value("runs/compare"), "directory of the runs and the report")(
      "set", po::value(&sets)->composing(), "override a config key of every experiment (repeatable)");
  po::positional_options_description positional;
  positional.add("experiments", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kCompareUsage, options, positional, vm)) return kOk;
  if (files.empty()) throw po::error("at least one experiment file is required");
  if (seeds <= 0) throw po::error("--seeds must be positive");
  if (jobs <= 0) throw po::error("--jobs must be positive");

  std::vector<CompareExperiment> experiments;
  std::set<std::string> labels;
  for (const std::string& file : files) {
    experiments.push_back(describe_experiment(file, fs::path(file).stem().string(), sets));
    if (!labels.insert(experiments.back().label).second)
      throw UserError("two experiment files are named `" + experiments.back().label +
                      "`; their runs would share a directory");
  }
  const bool all_ok = run_comparison(experiments, {seeds, jobs, out, sets}, distributed::world(), std::cout);
  return all_ok ? kOk : kFailed;
}

}  // namespace mann
