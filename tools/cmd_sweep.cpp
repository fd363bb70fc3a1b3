// `mann sweep`: one experiment file with a `sweep:` grid of overrides; every grid point is trained over
// seeds and reported exactly as `mann compare` does for several files (the same driver and report).
#include <iostream>
#include <set>

#include "framework/autodiff/errors.h"
#include "framework/config/experiment.h"
#include "framework/distributed/world.h"
#include "tools/cli_support.h"
#include "tools/compare.h"
#include "tools/seed_list.h"
#include "tools/sweep_grid.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

const char* kSweepUsage =
    R"(usage: mann sweep EXP.yaml [--seeds N|A-B|A,B,C] [--jobs J] [--out DIR] [--set key=value]...

EXP.yaml holds a grid of overrides, e.g.

  sweep: {train.optimizer.lr: [0.01, 0.005], model.hops: [1, 2, 3]}

Every combination (here 6) is a grid point, named like `train.optimizer.lr=0.01+model.hops=1`, trained
with each seed (--seeds as for `mann compare`: N, A-B or A,B,C; default 3) as `mann train EXP --set ...
--set <point's overrides> --set seed=S` in DIR/<point>/seed-S, up to J runs at a time. Runs of the same
complete config are reused (or resumed when shorter) as `mann compare` does. The report (DIR/report.md,
report.csv, runs.csv, curves) has one row per grid point, as `mann compare` writes it: choose the point
marked as selected by validation; its test metric is beside it. Under `mpirun -np N` the runs are dealt
to the ranks and rank 0 writes the report. `mann train EXP` ignores the sweep: key.)";

}  // namespace

int sweep_command(const Args& args) {
  po::options_description options("sweep options");
  std::vector<std::string> sets;
  std::string file, out;
  std::string seeds;
  int jobs = 1;
  options.add_options()("experiment", po::value(&file), "experiment YAML file with a sweep: grid")(
      "seeds", po::value(&seeds)->default_value(kDefaultSeeds),
      "seeds of every grid point: N (1..N), A-B or A,B,C")("jobs", po::value(&jobs)->default_value(1),
                                                           "training runs at a time (per rank)")(
      "out", po::value(&out), "directory of the runs and the report (default: runs/sweep-<file stem>)")(
      "set", po::value(&sets)->composing(), "override a config key of every grid point (repeatable)");
  po::positional_options_description positional;
  positional.add("experiment", 1);
  po::variables_map vm;
  if (!parse_command_line(args, kSweepUsage, options, positional, vm)) return kOk;
  if (file.empty()) throw po::error("an experiment file is required");
  const std::vector<int> seed_list = parse_seeds(seeds);
  if (jobs <= 0) throw po::error("--jobs must be positive");
  if (out.empty()) out = "runs/sweep-" + fs::path(file).stem().string();

  const ConfigNode root = load_experiment(file, sets);
  const ConfigNode* grid = root.find("sweep");
  if (!grid) throw UserError(file + " has no `sweep:` grid (e.g. `sweep: {train.batch: [16, 32]}`)");
  std::vector<CompareExperiment> points;
  std::set<std::string> labels;
  for (const SweepPoint& point : expand_sweep_grid(*grid)) {
    points.push_back(describe_experiment(file, point.label, sets, point.overrides));
    if (!labels.insert(point.label).second)
      throw UserError("two grid points are both named `" + point.label +
                      "`; their runs would share a directory");
  }
  distributed::Communicator& comm = distributed::world();
  if (comm.is_root())
    std::cout << "sweep of " << points.size() << " grid points x " << seed_list.size() << " seeds\n";
  return run_comparison(points, {seed_list, jobs, out, sets, "sweep"}, comm, std::cout);
}

}  // namespace mann
