// The driver of `mann compare` and `mann sweep`: which runs there are, which rank trains which, and how
// their outcomes reach rank 0, which writes the one report. A single process is the one-rank case of it.
#include <iomanip>
#include <ostream>
#include <sstream>

#include "tools/compare.h"
#include "tools/experiment.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

// What a rank learned of one of its runs, as text for gathering at rank 0: the run's index, status, exit
// code, test metric (hexadecimal float: exact) and the failure text, length-prefixed since it spans lines.
std::string encode_outcome(size_t index, const CompareRun& run) {
  std::ostringstream out;
  out << index << ' ' << static_cast<int>(run.status) << ' ' << run.exit_code << ' ' << std::hexfloat
      << run.test_metric << ' ' << std::dec << run.failure.size() << '\n'
      << run.failure;
  return out.str();
}

// Reads every outcome in `text` into `runs`.
void decode_outcomes(const std::string& text, std::vector<CompareRun>& runs) {
  std::istringstream in(text);
  size_t index = 0, failure_length = 0;
  int status = 0;
  std::string metric;
  while (in >> index >> status) {
    CompareRun& run = runs.at(index);
    in >> run.exit_code >> metric >> failure_length;
    in.get();  // the newline before the failure text
    run.status = static_cast<CompareRun::Status>(status);
    run.test_metric = std::strtod(metric.c_str(), nullptr);  // reads hexadecimal floats, nan and inf too
    run.failure.assign(failure_length, '\0');
    in.read(run.failure.data(), static_cast<std::streamsize>(failure_length));
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
  c.steps = e.trainer.steps;
  c.primary = e.learner->eval_metric_names().front();
  c.valid_column = e.trainer.eval_split + "_" + c.primary;
  c.solved_below = e.solved_below;
  return c;
}

bool run_comparison(const std::vector<CompareExperiment>& experiments, const CompareSettings& settings,
                    distributed::Communicator& comm, std::ostream& progress) {
  std::vector<CompareRun> runs;
  for (const CompareExperiment& e : experiments)
    for (int seed = 1; seed <= settings.seeds; ++seed) {
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
    CompareRun& r = runs[i];
    if (run_finished(r)) {
      r.status = CompareRun::Status::Reused;
      progress << "reusing " << r.experiment->label << " seed " << r.seed << " (" << r.dir.string() << ")\n";
    } else {
      to_train.push_back(&r);
    }
  }
  progress << std::flush;
  train_runs(to_train, settings.overrides, settings.jobs, progress);
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
    write_compare_report(experiments, runs, settings.out);
    progress << "report: " << (settings.out / "report.md").string() << ", "
             << (settings.out / "report.csv").string()
             << ", curves: " << (settings.out / "curves.svg").string() << "\n";
  }
  comm.broadcast(std::span<double>(&all_ok, 1));  // every rank exits with the same code
  return all_ok != 0;
}

}  // namespace mann
