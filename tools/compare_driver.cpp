// The driver of `mann compare` and `mann sweep`: which runs there are, which rank trains which, and how
// their outcomes reach rank 0, which writes the one report. A single process is the one-rank case of it.
#include <csignal>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "tools/compare.h"
#include "tools/experiment.h"
#include "tools/interrupt.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

// What a rank learned of one of its runs, as text for gathering at rank 0: the run's index, status, exit
// code, test metric (hexadecimal float: exact), then its directory (plan_run may have chosen another) and
// the failure text, each length-prefixed since they may hold spaces and newlines.
std::string encode_outcome(size_t index, const CompareRun& run) {
  std::ostringstream out;
  const std::string dir = run.dir.string();
  out << index << ' ' << static_cast<int>(run.status) << ' ' << run.exit_code << ' ' << std::hexfloat
      << run.test_metric << ' ' << std::dec << dir.size() << ' ' << run.failure.size() << '\n'
      << dir << run.failure;
  return out.str();
}

// Reads every outcome in `text` into `runs`.
void decode_outcomes(const std::string& text, std::vector<CompareRun>& runs) {
  std::istringstream in(text);
  size_t index = 0, dir_length = 0, failure_length = 0;
  int status = 0;
  std::string metric;
  const auto read_text = [&in](size_t length) {
    std::string out(length, '\0');
    in.read(out.data(), static_cast<std::streamsize>(length));
    return out;
  };
  while (in >> index >> status) {
    CompareRun& run = runs.at(index);
    in >> run.exit_code >> metric >> dir_length >> failure_length;
    in.get();  // the newline before the texts
    run.status = static_cast<CompareRun::Status>(status);
    run.test_metric = std::strtod(metric.c_str(), nullptr);  // reads hexadecimal floats, nan and inf too
    run.dir = read_text(dir_length);
    run.failure = read_text(failure_length);
  }
}

}  // namespace

CompareExperiment describe_experiment(const std::string& path, const std::string& label,
                                      const std::vector<std::string>& common_overrides,
                                      const std::vector<std::string>& own_overrides) {
  std::vector<std::string> overrides = common_overrides;
  overrides.insert(overrides.end(), own_overrides.begin(), own_overrides.end());
  const Experiment e = build_experiment(load_and_validate(path, overrides));
  CompareExperiment c;
  c.label = label;
  c.path = fs::absolute(path).string();
  c.overrides = own_overrides;
  c.name = e.name;
  c.config = e.config;
  c.steps = e.trainer.steps;
  c.steps_text = e.config.at("train").at("steps").text();
  c.primary = e.learner->eval_metric_names().front();
  c.valid_column = e.trainer.eval_split + "_" + c.primary;
  c.solved_below = e.solved_below;
  return c;
}

int run_comparison(const std::vector<CompareExperiment>& experiments, const CompareSettings& settings,
                   distributed::Communicator& comm, std::ostream& progress) {
  install_interrupt_handlers();  // Ctrl-C: the training children stop at a checkpoint, and so does this
  std::vector<CompareRun> runs;
  for (const CompareExperiment& e : experiments)
    for (int seed : settings.seeds) {
      CompareRun& run = runs.emplace_back();
      run.experiment = &e;
      run.seed = seed;
      run.dir = settings.out / e.label / ("seed-" + std::to_string(seed));
    }

  // Whole runs per rank, dealt round-robin: runs of one experiment differ little in cost, so this balances
  // as well as a queue without any traffic between the ranks while they train.
  std::vector<size_t> mine;
  for (size_t i = static_cast<size_t>(comm.rank()); i < runs.size(); i += static_cast<size_t>(comm.size()))
    mine.push_back(i);
  std::vector<CompareRun*> to_train;
  for (size_t i : mine) {
    plan_run(runs[i], progress);
    if (runs[i].status != CompareRun::Status::Reused) to_train.push_back(&runs[i]);
  }
  progress << std::flush;
  train_runs(to_train, settings.overrides, settings.jobs, progress);
  double signal = interrupt_signal();
  comm.allreduce_sum(std::span<double>(&signal, 1));  // one rank interrupted: no report from anyone
  if (signal != 0) {
    if (comm.is_root())
      progress << "interrupted: no report written; the same command again reuses the finished runs and "
                  "resumes the stopped ones from their checkpoints\n";
    return interrupted_exit_code(interrupt_signal() != 0 ? interrupt_signal() : SIGINT);
  }
  std::string outcomes;
  for (size_t i : mine) {
    if (runs[i].ok()) score_run(runs[i]);
    outcomes += encode_outcome(i, runs[i]);
  }

  const std::vector<std::string> gathered = comm.gather(outcomes);
  double all_ok = 1;
  if (comm.is_root()) {
    for (const std::string& text : gathered) decode_outcomes(text, runs);
    for (CompareRun& r : runs) {
      if (r.ok()) read_run_history(r);
      if (!r.ok()) all_ok = 0;
    }
    progress << "\n"
             << write_compare_report(experiments, runs, settings.out, settings.command)
             << "\nreport: " << (settings.out / "report.md").string() << ", "
             << (settings.out / "report.csv").string()
             << ", curves: " << (settings.out / "curves.svg").string() << "\n";
  }
  comm.broadcast(std::span<double>(&all_ok, 1));  // every rank exits with the same code
  return all_ok != 0 ? 0 : 1;
}

}  // namespace mann
