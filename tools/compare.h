#pragma once
// `mann compare` and `mann sweep`: several experiments (files, or grid points of one file) trained over
// seeds 1..N, then one report. The pieces are shared by the commands (tools/cmd_compare.cpp,
// tools/cmd_sweep.cpp), the driver that spreads the runs over MPI ranks (tools/compare_driver.cpp), the
// process pool (tools/compare_runs.cpp) and the report (tools/compare_report.cpp).
#include <filesystem>
#include <iosfwd>
#include <limits>
#include <string>
#include <vector>

#include "framework/config/config_node.h"
#include "framework/distributed/communicator.h"
#include "framework/train/metrics_table.h"

namespace mann {

// What the comparison needs to know of one experiment file (after the common --set overrides).
struct CompareExperiment {
  std::string label;  // the file's stem (or grid point): names its runs' directory and its rows
  std::string path;   // the experiment file
  std::vector<std::string>
      overrides;             // its own --set overrides (a sweep's grid point), after the common ones
  std::string name;          // its `name:`
  ConfigNode config;         // its complete resolved config (every default written in), before the seed
  int64_t steps = 0;         // train.steps: a run whose last checkpoint is at this step is finished
  std::string steps_text;    // train.steps as written (`900`, `3 epochs`): what a resumed run is given
  std::string valid_column;  // the metrics.csv column of the primary metric during training, e.g. valid_error
  std::string primary;       // the primary evaluation metric, e.g. error (lower is better)
  double solved_below = 0.05;
};

struct CompareRun {
  enum class Status { Pending, Reused, Trained, Failed };
  const CompareExperiment* experiment = nullptr;
  int seed = 0;
  std::filesystem::path dir;  // <out>/<label>/seed-<seed>, or a sibling of it (plan_run)
  Status status = Status::Pending;
  int64_t resume_from = 0;  // > 0: the run continues its checkpoint at this step instead of starting anew
  int exit_code = 0;        // of `mann train` (or 128 + signal); -1: it could not be started
  std::string failure;      // why a run counts as failed, with the tail of its log

  // Filled in from the finished run (summarize_run).
  double test_metric = 0;  // primary metric on the test split, best checkpoint
  double valid_best = std::numeric_limits<double>::quiet_NaN();   // lowest validation primary metric in
                                                                  // metrics.csv: what selection uses
  double valid_final = std::numeric_limits<double>::quiet_NaN();  // the last one
  double steps_to_solve = 0;    // first step whose validation primary metric < solved_below (NaN: never)
  double seconds_to_solve = 0;  // training time to that step, summed from metrics.csv's steps_per_s
  double grad_variance = 0;     // mean of metrics.csv's grad_variance column (NaN: none)
  MetricsTable history;         // metrics.csv

  std::filesystem::path log() const { return dir / "train.log"; }
  bool ok() const { return status == Status::Reused || status == Status::Trained; }
};

// Loads and builds one experiment with the common overrides, then its own, to learn what the comparison
// needs of it (and to fail early on a bad file or value).
CompareExperiment describe_experiment(const std::string& path, const std::string& label,
                                      const std::vector<std::string>& common_overrides,
                                      const std::vector<std::string>& own_overrides = {});

struct CompareSettings {
  std::vector<int> seeds = {1, 2, 3};  // the seeds of every experiment (tools/seed_list.h)
  int jobs = 1;                        // `mann train` children at a time, per rank
  std::filesystem::path out;           // runs and report
  std::vector<std::string> overrides;  // --set of every experiment
  std::string command = "compare";     // which command runs it: titles the figure
};

// The whole comparison: every (experiment, seed) run reused when finished or trained, spread over the
// ranks of `comm` (run i on rank i mod size; each rank trains whole runs and scores them), the outcomes
// gathered at rank 0, which writes the report. A single process is one rank doing all of it. Returns the
// exit code, the same on every rank: 0 when all runs are ok, 1 when any failed; 130/143 after SIGINT/
// SIGTERM, which stop the training children at a checkpoint (they resume on the next call) and write no
// report.
int run_comparison(const std::vector<CompareExperiment>& experiments, const CompareSettings& settings,
                   distributed::Communicator& comm, std::ostream& progress);

// Chooses where a run's results are and how to get them (tools/compare_plan.cpp). A run directory is
// used only for the run's own configuration: its checkpoint's complete config must equal the one asked
// for (the seed included) apart from train.steps, output and sweep. Candidates in order: run.dir
// (<label>/seed-S), then seed-S-<hash of the config>, then seed-S-<hash>-<steps>steps. The first one that is
// empty starts the run there; one at the asked length is reused (status Reused); one that is shorter (or
// was interrupted) is resumed from its checkpoint (resume_from). A directory of another configuration,
// of a longer run or with an unreadable checkpoint is left as it is, and `progress` says why it was
// passed over, naming the differing keys. Nothing is ever deleted. UserError when no candidate fits.
void plan_run(CompareRun& run, std::ostream& progress);

// Trains the runs as child processes of this same binary (/proc/self/exe): `mann train EXP --set ...
// --set seed=S --out DIR`, or `mann train --resume DIR --set train.steps=N` for a run to be resumed; at
// most `jobs` at a time, each writing stdout and stderr to its train.log (appended to when resuming). Sets
// status (Trained or Failed) and exit_code; a failure does not stop the others. The children do not see
// the MPI launcher's variables: each is a single process of its own.
void train_runs(const std::vector<CompareRun*>& runs, const std::vector<std::string>& overrides, int jobs,
                std::ostream& progress);

// The last `lines` lines of a text file ("" if it cannot be read).
std::string file_tail(const std::filesystem::path& path, int lines);

// Reads a finished run back in two parts: the test metric of its best checkpoint (in-process `mann eval`
// logic; done by the rank that trained it), and metrics.csv's history with the figures drawn from it (done
// by the rank that writes the report). Each marks the run failed when it cannot read what it needs.
void score_run(CompareRun& run);
void read_run_history(CompareRun& run);

// Writes report.md, report.csv (one row per experiment), runs.csv (one row per run), curves.svg and
// curves.png (validation primary metric against training examples: mean over seeds, min..max band). The
// reports give the validation metric (best and final) beside the test metric and mark the experiment
// selected by validation: the lowest mean best validation metric. Returns the summary table (markdown)
// for the terminal.
// `command` (compare or sweep) titles the figure.
std::string write_compare_report(const std::vector<CompareExperiment>& experiments,
                                 const std::vector<CompareRun>& runs, const std::filesystem::path& out,
                                 const std::string& command = "compare");

}  // namespace mann
