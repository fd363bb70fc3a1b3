// The report side of `mann compare`: per-run figures read back from the run directories, aggregated per
// experiment into report.md / report.csv / runs.csv and learning curves.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <map>
#include <sstream>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/line_chart.h"
#include "tools/compare.h"
#include "tools/evaluation.h"
#include "tools/run_state.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Mean, sample std, min, max of the finite values; n = how many there were.
struct Stats {
  int n = 0;
  double mean = kNaN, std = kNaN, min = kNaN, max = kNaN;
};

Stats stats(const std::vector<double>& values) {
  Stats s;
  std::vector<double> v;
  std::copy_if(values.begin(), values.end(), std::back_inserter(v),
               [](double x) { return std::isfinite(x); });
  s.n = static_cast<int>(v.size());
  if (v.empty()) return s;
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / s.n;
  double squares = 0;
  for (double x : v) squares += (x - s.mean) * (x - s.mean);
  s.std = s.n > 1 ? std::sqrt(squares / (s.n - 1)) : 0.0;
  s.min = *std::min_element(v.begin(), v.end());
  s.max = *std::max_element(v.begin(), v.end());
  return s;
}

// A number for the tables: "" for NaN, otherwise 4 significant digits.
std::string num(double x) {
  if (!std::isfinite(x)) return "";
  std::ostringstream out;
  out << std::setprecision(4) << x;
  return out.str();
}

// The finite values of column `name` by row (NaN where empty); all NaN when the column is absent.
std::vector<double> column_or_nan(const MetricsTable& t, const std::string& name) {
  const int index = t.column_index(name);
  if (index < 0) return std::vector<double>(t.rows.size(), kNaN);
  return t.column(name);
}

// First step whose validation metric is below the threshold, and the training time to it (each row's steps
// divided by the speed that row reports), from metrics.csv.
void time_to_solve(CompareRun& run) {
  const std::vector<double> step = column_or_nan(run.history, "step");
  const std::vector<double> speed = column_or_nan(run.history, "steps_per_s");
  const std::vector<double> metric = column_or_nan(run.history, run.experiment->valid_column);
  run.steps_to_solve = run.seconds_to_solve = kNaN;
  double seconds = 0, previous_step = 0;
  for (size_t i = 0; i < step.size(); ++i) {
    if (std::isfinite(speed[i]) && speed[i] > 0 && std::isfinite(step[i]))
      seconds += (step[i] - previous_step) / speed[i];
    if (std::isfinite(step[i])) previous_step = step[i];
    if (std::isfinite(metric[i]) && metric[i] < run.experiment->solved_below) {
      run.steps_to_solve = step[i];
      run.seconds_to_solve = seconds;
      return;
    }
  }
}

std::vector<const CompareRun*> runs_of(const CompareExperiment& e, const std::vector<CompareRun>& runs) {
  std::vector<const CompareRun*> out;
  for (const CompareRun& r : runs)
    if (r.experiment == &e) out.push_back(&r);
  return out;
}

struct Summary {
  int ok = 0, failed = 0, solved = 0;
  Stats valid_best, valid_final, test, steps, seconds, grad_variance;
};

Summary summarize(const CompareExperiment& e, const std::vector<CompareRun>& runs) {
  Summary s;
  std::vector<double> valid_best, valid_final, test, steps, seconds, variance;
  for (const CompareRun* r : runs_of(e, runs)) {
    if (!r->ok()) {
      ++s.failed;
      continue;
    }
    ++s.ok;
    s.solved += r->test_metric < e.solved_below;
    valid_best.push_back(r->valid_best);
    valid_final.push_back(r->valid_final);
    test.push_back(r->test_metric);
    steps.push_back(r->steps_to_solve);
    seconds.push_back(r->seconds_to_solve);
    variance.push_back(r->grad_variance);
  }
  s.valid_best = stats(valid_best);
  s.valid_final = stats(valid_final);
  s.test = stats(test);
  s.steps = stats(steps);
  s.seconds = stats(seconds);
  s.grad_variance = stats(variance);
  return s;
}

// The experiment a researcher would pick without looking at test data: the lowest mean best validation
// metric; nullptr when no run has one.
const CompareExperiment* selected_by_validation(const std::vector<CompareExperiment>& experiments,
                                                const std::vector<CompareRun>& runs) {
  const CompareExperiment* best = nullptr;
  double best_value = kNaN;
  for (const CompareExperiment& e : experiments) {
    const double value = summarize(e, runs).valid_best.mean;
    if (std::isfinite(value) && (!best || value < best_value)) {
      best = &e;
      best_value = value;
    }
  }
  return best;
}

const char* status_text(CompareRun::Status s) {
  switch (s) {
    case CompareRun::Status::Reused:
      return "reused";
    case CompareRun::Status::Trained:
      return "trained";
    case CompareRun::Status::Failed:
      return "failed";
    case CompareRun::Status::Pending:
      break;
  }
  return "pending";
}

void write_csv(const std::vector<CompareExperiment>& experiments, const std::vector<CompareRun>& runs,
               const fs::path& out) {
  std::ofstream csv(out / "report.csv");
  // New columns go at the end: scripts read these files by position.
  csv << "experiment,file,name,metric,runs_ok,runs_failed,test_mean,test_std,test_min,test_max,solved,"
         "solved_below,steps_to_solve_mean,seconds_to_solve_mean,grad_variance_mean,valid_best_mean,"
         "valid_best_std,valid_final_mean,selected_by_validation\n";
  const CompareExperiment* selected = selected_by_validation(experiments, runs);
  for (const CompareExperiment& e : experiments) {
    const Summary s = summarize(e, runs);
    csv << e.label << ',' << e.path << ',' << e.name << ',' << e.primary << ',' << s.ok << ',' << s.failed
        << ',' << num(s.test.mean) << ',' << num(s.test.std) << ',' << num(s.test.min) << ','
        << num(s.test.max) << ',' << s.solved << ',' << e.solved_below << ',' << num(s.steps.mean) << ','
        << num(s.seconds.mean) << ',' << num(s.grad_variance.mean) << ',' << num(s.valid_best.mean) << ','
        << num(s.valid_best.std) << ',' << num(s.valid_final.mean) << ',' << (&e == selected ? 1 : 0) << '\n';
  }
  std::ofstream per_run(out / "runs.csv");
  per_run << "experiment,seed,status,exit_code,test_metric,steps_to_solve,seconds_to_solve,grad_variance,"
             "valid_best,valid_final,directory\n";
  for (const CompareRun& r : runs)
    per_run << r.experiment->label << ',' << r.seed << ',' << status_text(r.status) << ',' << r.exit_code
            << ',' << (r.ok() ? num(r.test_metric) : "") << ',' << num(r.steps_to_solve) << ','
            << num(r.seconds_to_solve) << ',' << num(r.grad_variance) << ',' << num(r.valid_best) << ','
            << num(r.valid_final) << ',' << r.dir.string() << '\n';
  if (!csv || !per_run) throw UserError("cannot write the report in " + out.string());
}

// "0.05 ± 0.01" (the ± part only over several values).
std::string mean_std(const Stats& s) {
  if (s.n > 1) return num(s.mean) + " ± " + num(s.std);
  return num(s.mean);
}

// One row per experiment: validation (what selection uses) first, test beside it.
std::string summary_table(const std::vector<CompareExperiment>& experiments,
                          const std::vector<CompareRun>& runs) {
  std::ostringstream md;
  const CompareExperiment* selected = selected_by_validation(experiments, runs);
  md << "| experiment | metric | runs ok | failed | valid best | valid final | test mean | test std | test "
        "min | "
        "test max | solved | steps to solve | time to solve (s) | grad variance | selected by validation |\n"
     << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const CompareExperiment& e : experiments) {
    const Summary s = summarize(e, runs);
    md << "| " << e.label << " | " << e.primary << " | " << s.ok << " | " << s.failed << " | "
       << mean_std(s.valid_best) << " | " << mean_std(s.valid_final) << " | " << num(s.test.mean) << " | "
       << num(s.test.std) << " | " << num(s.test.min) << " | " << num(s.test.max) << " | " << s.solved << "/"
       << s.ok + s.failed << " (< " << e.solved_below << ") | " << num(s.steps.mean) << " | "
       << num(s.seconds.mean) << " | " << num(s.grad_variance.mean) << " | "
       << (&e == selected ? "**yes**" : "") << " |\n";
  }
  if (selected)
    md << "\nSelected by validation: " << selected->label << " (mean best " << selected->valid_column << " "
       << num(summarize(*selected, runs).valid_best.mean) << "); its test " << selected->primary << ": "
       << num(summarize(*selected, runs).test.mean) << ".\n";
  return md.str();
}

void write_markdown(const std::vector<CompareRun>& runs, const fs::path& out, const std::string& summary) {
  std::ofstream md(out / "report.md");
  md << "# mann compare\n\n"
     << "Choose by validation, report test. Valid best / valid final: the primary metric (lower is better) "
        "on "
        "the split evaluated during training (`eval.split`), lowest and last value in each run's "
        "metrics.csv, mean ± std over the runs; the experiment with the lowest mean best value is marked "
        "selected. Test: the same metric of each run's best checkpoint (best by validation) on the test "
        "split, computed as `mann eval --split test` does; it is there to report the selected experiment, "
        "not to choose one (choosing by test is fitting the test set). Solved: test metric below the "
        "experiment's `eval.solved_below`. Steps and time to solve: the first validation evaluation below "
        "that threshold, read from metrics.csv (time summed from its steps_per_s column); averaged over the "
        "runs that reached it. Gradient variance: mean of metrics.csv's grad_variance column "
        "(REINFORCE-trained modules).\n\n"
     << summary;
  md << "\n## Runs\n\n| experiment | seed | status | valid best | valid final | test metric | steps to solve "
        "| "
        "directory |\n"
     << "|---|---|---|---|---|---|---|---|\n";
  for (const CompareRun& r : runs)
    md << "| " << r.experiment->label << " | " << r.seed << " | " << status_text(r.status)
       << (r.ok() ? "" : " (exit code " + std::to_string(r.exit_code) + ")") << " | " << num(r.valid_best)
       << " | " << num(r.valid_final) << " | " << (r.ok() ? num(r.test_metric) : "") << " | "
       << num(r.steps_to_solve) << " | " << r.dir.string() << " |\n";
  bool heading = false;
  for (const CompareRun& r : runs) {
    if (r.ok()) continue;
    if (!heading) md << "\n## Failed runs\n";
    heading = true;
    md << "\n### " << r.experiment->label << " seed " << r.seed << "\n\n```\n" << r.failure << "```\n";
  }
  md << "\nLearning curves: curves.svg, curves.png.\n";
  if (!md) throw UserError("cannot write " + (out / "report.md").string());
}

// Validation primary metric against training examples: one line per experiment (mean over the seeds
// that have a value at that point) with a min..max band.
void draw_curves(const std::vector<CompareExperiment>& experiments, const std::vector<CompareRun>& runs,
                 const fs::path& out, const std::string& command) {
  plot::LineChartSpec chart;
  chart.title =
      "mann " + command + ": validation " + (experiments.empty() ? std::string() : experiments[0].primary);
  chart.x_title = "training examples";
  chart.y_title = experiments.empty() ? "" : experiments[0].valid_column;
  for (const CompareExperiment& e : experiments) {
    std::map<double, std::vector<double>> at;  // examples -> values over seeds
    for (const CompareRun* r : runs_of(e, runs)) {
      if (!r->ok()) continue;
      const std::vector<double> x = column_or_nan(r->history, "examples");
      const std::vector<double> y = column_or_nan(r->history, e.valid_column);
      for (size_t i = 0; i < x.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) at[x[i]].push_back(y[i]);
    }
    if (at.empty()) continue;
    plot::LineSeries line;
    line.name = e.label;
    for (const auto& [x, values] : at) {
      const Stats s = stats(values);
      line.x.push_back(x);
      line.y.push_back(s.mean);
      line.y_low.push_back(s.min);
      line.y_high.push_back(s.max);
    }
    chart.series.push_back(std::move(line));
  }
  if (chart.series.empty()) return;  // no run got as far as an evaluation
  plot::draw_line_chart(chart, out / "curves.svg");
  plot::draw_line_chart(chart, out / "curves.png");
}

}  // namespace

void score_run(CompareRun& run) {
  try {
    const CheckpointEvaluation eval = evaluate_checkpoint(run.dir, "test");
    run.test_metric = eval.metrics.front().second;
  } catch (const std::exception& e) {
    run.status = CompareRun::Status::Failed;
    run.failure = std::string("cannot read the finished run back: ") + e.what() + "\n";
  }
}

void read_run_history(CompareRun& run) {
  try {
    run.history = read_metrics_csv(run.dir / "metrics.csv");
  } catch (const std::exception& e) {
    run.status = CompareRun::Status::Failed;
    run.failure = std::string("cannot read the finished run back: ") + e.what() + "\n";
    return;
  }
  time_to_solve(run);
  const std::vector<double> valid = column_or_nan(run.history, run.experiment->valid_column);
  run.valid_best = stats(valid).min;
  run.valid_final = kNaN;
  for (double v : valid)
    if (std::isfinite(v)) run.valid_final = v;
  run.grad_variance = stats(column_or_nan(run.history, "grad_variance")).mean;
}

std::string write_compare_report(const std::vector<CompareExperiment>& experiments,
                                 const std::vector<CompareRun>& runs, const fs::path& out,
                                 const std::string& command) {
  fs::create_directories(out);
  write_csv(experiments, runs, out);
  const std::string summary = summary_table(experiments, runs);
  write_markdown(runs, out, summary);
  draw_curves(experiments, runs, out, command);
  return summary;
}

}  // namespace mann
