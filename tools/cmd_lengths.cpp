// `mann lengths`: evaluate checkpoints at each input length of a range (exact match by length for seq2seq,
// sequence accuracy for the NTM tasks), print a table, write a CSV and plot one line per checkpoint.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/line_chart.h"
#include "tools/cli_support.h"
#include "tools/evaluation.h"

namespace mann {
namespace {

const char* kLengthsUsage =
    "usage: mann lengths CHECKPOINT... [--min 5] [--max 60] [--step 5] [--split test] [--metric NAME]\n"
    "                    [--length-key length] [--out curve.csv] [--plot curve.svg|.png] [--set "
    "key=value]...\n"
    "Evaluates each checkpoint (or run directory: its best checkpoint) with the dataset's evaluation "
    "lengths\n"
    "set to each length in turn (dataset.eval_min_<key> = dataset.eval_max_<key> = L).";

struct LengthCurve {
  std::string label;  // the experiment's name (with the checkpoint when names repeat)
  std::vector<int> lengths;
  std::vector<Metrics> metrics;  // one per length
};

// The metric to plot: --metric, else the first of the accuracy-like metrics present, else the primary one.
std::string plotted_metric(const std::string& requested, const Metrics& metrics) {
  const auto has = [&](const std::string& name) {
    for (const auto& [n, v] : metrics)
      if (n == name) return true;
    return false;
  };
  if (!requested.empty()) {
    if (!has(requested))
      throw UserError("--metric `" + requested + "` is not an evaluation metric of the run");
    return requested;
  }
  for (const char* name : {"exact_match", "seq_accuracy"})
    if (has(name)) return name;
  return metrics.front().first;
}

double value_of(const Metrics& metrics, const std::string& name) {
  for (const auto& [n, v] : metrics)
    if (n == name) return v;
  return std::nan("");
}

// Every metric name, in order of first appearance over all curves.
std::vector<std::string> metric_names(const std::vector<LengthCurve>& curves) {
  std::vector<std::string> names;
  for (const LengthCurve& c : curves)
    for (const Metrics& m : c.metrics)
      for (const auto& [name, value] : m)
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

void print_table(const LengthCurve& curve, const std::vector<std::string>& names) {
  std::cout << curve.label << ":\n  " << std::setw(6) << "length";
  for (const std::string& n : names) std::cout << "  " << std::setw(14) << n;
  std::cout << "\n";
  for (size_t i = 0; i < curve.lengths.size(); ++i) {
    std::cout << "  " << std::setw(6) << curve.lengths[i];
    for (const std::string& n : names) std::cout << "  " << std::setw(14) << value_of(curve.metrics[i], n);
    std::cout << "\n";
  }
}

void write_csv(const std::vector<LengthCurve>& curves, const std::vector<std::string>& names,
               const std::string& path) {
  std::ofstream csv(path);
  csv << "run,length";
  for (const std::string& n : names) csv << ',' << n;
  csv << '\n' << std::setprecision(9);
  for (const LengthCurve& c : curves)
    for (size_t i = 0; i < c.lengths.size(); ++i) {
      csv << c.label << ',' << c.lengths[i];
      for (const std::string& n : names) {
        const double v = value_of(c.metrics[i], n);
        csv << ',';
        if (std::isfinite(v)) csv << v;
      }
      csv << '\n';
    }
  if (!csv) throw UserError("cannot write " + path);
}

void plot_curves(const std::vector<LengthCurve>& curves, const std::string& metric, const std::string& split,
                 const std::string& path) {
  plot::LineChartSpec chart;
  chart.title = metric + " by input length (" + split + " split)";
  chart.x_title = "input length";
  chart.y_title = metric;
  for (const LengthCurve& c : curves) {
    plot::LineSeries& s = chart.series.emplace_back();
    s.name = c.label;
    for (size_t i = 0; i < c.lengths.size(); ++i) {
      s.x.push_back(c.lengths[i]);
      s.y.push_back(value_of(c.metrics[i], metric));
    }
  }
  plot::draw_line_chart(chart, path);
}

}  // namespace

int lengths_command(const Args& args) {
  po::options_description options("lengths options");
  std::vector<std::string> checkpoints, sets;
  std::string split, metric, length_key, out, plot_path, data_dir;
  int min_length = 5, max_length = 60, step = 5, threads = 1;
  options.add_options()("checkpoint", po::value(&checkpoints)->composing(),
                        "checkpoint files or run directories (their best checkpoint)")(
      "min", po::value(&min_length)->default_value(5), "first length")(
      "max", po::value(&max_length)->default_value(60), "last length (inclusive)")(
      "step", po::value(&step)->default_value(5), "length increment")(
      "split", po::value(&split)->default_value("test"), "split to evaluate: valid or test")(
      "metric", po::value(&metric),
      "metric to plot (default: exact_match or seq_accuracy, else the primary)")(
      "length-key", po::value(&length_key)->default_value("length"),
      "dataset option suffix set per length: eval_min_<key>, eval_max_<key> (e.g. items)")(
      "out", po::value(&out), "write the table as CSV")(
      "plot", po::value(&plot_path), "draw the curves (.svg or .png), one line per checkpoint")(
      "set", po::value(&sets)->composing(), "override a stored config key (repeatable)")(
      "data-dir", po::value(&data_dir), "data directory (overrides the config and MANN_DATA)")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products");
  po::positional_options_description positional;
  positional.add("checkpoint", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kLengthsUsage, options, positional, vm)) return kOk;
  if (checkpoints.empty()) throw po::error("at least one checkpoint is required");
  if (min_length <= 0 || max_length < min_length || step <= 0)
    throw po::error("need 0 < --min <= --max and --step > 0");
  if (split != "valid" && split != "test")
    throw po::error("--split must be valid or test, not `" + split + "`");
  set_threads(threads);

  std::vector<LengthCurve> curves;
  for (const std::string& checkpoint : checkpoints) {
    LengthCurve& curve = curves.emplace_back();
    for (int length = min_length; length <= max_length; length += step) {
      std::vector<std::string> overrides = sets;
      overrides.push_back("dataset.eval_min_" + length_key + "=" + std::to_string(length));
      overrides.push_back("dataset.eval_max_" + length_key + "=" + std::to_string(length));
      CheckpointEvaluation e = evaluate_checkpoint(checkpoint, split, overrides, data_dir);
      curve.label = e.experiment;
      curve.lengths.push_back(length);
      curve.metrics.push_back(std::move(e.metrics));
    }
  }
  // Keep legend entries apart when runs share an experiment name (seeds of one experiment): each gets its
  // run directory's name (the checkpoint's, for a file outside a run's checkpoints/).
  std::vector<bool> repeated;
  for (const LengthCurve& c : curves)
    repeated.push_back(std::count_if(curves.begin(), curves.end(),
                                     [&](const LengthCurve& o) { return o.label == c.label; }) > 1);
  for (size_t i = 0; i < curves.size(); ++i)
    if (repeated[i]) curves[i].label += " (" + run_label(checkpoints[i]) + ")";
  const std::vector<std::string> names = metric_names(curves);
  for (const LengthCurve& c : curves) print_table(c, names);
  if (!out.empty()) {
    write_csv(curves, names, out);
    std::cout << "table: " << out << "\n";
  }
  if (!plot_path.empty()) {
    const std::string plotted = plotted_metric(metric, curves.front().metrics.front());
    plot_curves(curves, plotted, split, plot_path);
    std::cout << "plot of " << plotted << ": " << plot_path << "\n";
  }
  return kOk;
}

}  // namespace mann
