// `mann curves`: learning curves of finished or running runs, from their metrics.csv, one line per run, as
// SVG or PNG. A run's history needs no model or data to draw, so this works on a laptop with copied runs.
// Any CSV of numbers with a header draws the same way (--x and --metric name its columns), e.g. the
// cost-against-image-size tables of tools/bench_ram_cost.sh.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/line_chart.h"
#include "framework/util/strings.h"
#include "tools/cli_support.h"
#include "tools/commands.h"
#include "tools/run_state.h"

namespace mann {
namespace {

namespace fs = std::filesystem;

const char* kCurvesUsage =
    "usage: mann curves RUN_DIR_OR_METRICS_CSV... [--metric NAME] [--x examples|step|epoch] [--log-y]\n"
    "                   [--title TEXT] [--out curves.svg|.png]\n"
    "Draws one column of each run's metrics.csv against training progress, one line per run (default: the\n"
    "first validation metric, valid_*). Other CSV files with a header row draw too: each is a line named\n"
    "by its file name, --x and --metric name the columns.";

fs::path metrics_file(const fs::path& run) {
  const fs::path file = fs::is_directory(run) ? run / "metrics.csv" : run;
  if (!fs::exists(file))
    throw UserError(file.string() + " does not exist (a run directory or its metrics.csv)");
  return file;
}

// Without --metric: the first validation column (valid_*) that every run has, so all lines show the same
// metric; "" when they share none (then each run draws its own first one, named in its legend entry).
std::string common_validation_column(const std::vector<MetricsTable>& tables) {
  for (const std::string& c : tables.front().columns) {
    if (!c.starts_with("valid_")) continue;
    bool everywhere = true;
    for (const MetricsTable& t : tables) everywhere = everywhere && t.column_index(c) >= 0;
    if (everywhere) return c;
  }
  return "";
}

std::string first_validation_column(const MetricsTable& t, const fs::path& file) {
  for (const std::string& c : t.columns)
    if (c.starts_with("valid_")) return c;
  throw UserError(file.string() + " has no validation column (valid_*); name one with --metric");
}

}  // namespace

int curves_command(const Args& args) {
  po::options_description options("curves options");
  std::vector<std::string> runs;
  std::string metric, x_column, out, title;
  bool log_y = false;
  options.add_options()("run", po::value(&runs)->composing(), "run directories or metrics.csv files")(
      "metric", po::value(&metric), "column to draw (default: the first valid_* column)")(
      "x", po::value(&x_column)->default_value("examples"), "column for the x axis: examples, step or epoch")(
      "log-y", po::bool_switch(&log_y), "logarithmic y axis (non-positive values are left out)")(
      "title", po::value(&title), "the chart's title (default: the metric, \"during training\")")(
      "out", po::value(&out)->default_value("curves.svg"), "the chart (.svg or .png)");
  po::positional_options_description positional;
  positional.add("run", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kCurvesUsage, options, positional, vm)) return kOk;
  if (runs.empty()) throw po::error("at least one run is required");

  plot::LineChartSpec chart;
  chart.log_y = log_y;
  chart.x_title = x_column == "examples" ? "training examples" : x_column;
  std::vector<MetricsTable> tables;
  for (const std::string& run : runs) tables.push_back(read_metrics_csv(metrics_file(run)));
  if (metric.empty()) metric = common_validation_column(tables);
  std::vector<std::string> drawn;  // the metric of each line, when they differ
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string& run = runs[r];
    const fs::path file = metrics_file(run);
    const MetricsTable& table = tables[r];
    const std::string y_column = metric.empty() ? first_validation_column(table, file) : metric;
    for (const std::string& name : {y_column, x_column})
      if (table.column_index(name) < 0)
        throw UserError(file.string() + " has no column `" + name + "` (it has " + join(table.columns, ", ") +
                        ")");
    if (std::find(drawn.begin(), drawn.end(), y_column) == drawn.end()) drawn.push_back(y_column);
    const std::vector<double> x = table.column(x_column), y = table.column(y_column);
    plot::LineSeries& line = chart.series.emplace_back();
    // Runs with no metric in common: each line says which one it is.
    line.name = run_label(run) + (metric.empty() ? " (" + y_column + ")" : "");
    for (size_t i = 0; i < x.size(); ++i) {
      // Rows without this metric (training rows between evaluations) hold NaN; a log axis skips y <= 0.
      if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (log_y && y[i] <= 0)) continue;
      line.x.push_back(x[i]);
      line.y.push_back(y[i]);
    }
    if (line.y.empty()) throw UserError(file.string() + ": no values of `" + y_column + "` to draw yet");
    std::cout << line.name << ": " << line.y.size() << " points of " << y_column << ", last " << line.y.back()
              << "\n";
  }
  chart.y_title = join(drawn, " / ");
  chart.title =
      !title.empty() ? title : (drawn.size() > 1 ? "validation metrics" : chart.y_title) + " during training";
  if (drawn.size() > 1)
    std::cout << "the runs share no validation metric: each line is labelled with its own (--metric NAME "
                 "draws one column of every run)\n";
  plot::draw_line_chart(chart, out);
  std::cout << "curves: " << out << "\n";
  return kOk;
}

}  // namespace mann
