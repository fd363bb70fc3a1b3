// `mann runs DIR...`: the run directories under DIR (a compare or sweep output, or runs/), one line each
// with what it trains, how far it got, its best validation metric and, where `mann eval` recorded one,
// its test metric.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "framework/autodiff/errors.h"
#include "framework/config/config_node.h"
#include "framework/io/checkpoint.h"
#include "tools/cli_support.h"
#include "tools/eval_record.h"

namespace mann {
namespace {

namespace fs = std::filesystem;

const char* kRunsUsage = R"(usage: mann runs DIR... [--depth N]

Lists the run directories in DIR (itself, or below it down to --depth levels, e.g. a compare output's
<experiment>/seed-S): experiment name, model, dataset, seed, the last checkpoint's step, the best
validation metric and the test metric that `mann eval RUN` recorded (eval_test.json), where there is one.)";

bool is_run_dir(const fs::path& dir) {
  return fs::exists(dir / "checkpoints" / "last.h5") && fs::exists(dir / "config.yaml");
}

void find_runs(const fs::path& dir, int depth, std::vector<fs::path>& runs) {
  if (is_run_dir(dir)) {
    runs.push_back(dir);
    return;
  }
  if (depth <= 0) return;
  std::vector<fs::path> children;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_directory()) children.push_back(entry.path());
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) find_runs(child, depth - 1, runs);
}

std::string scalar_or(const ConfigNode& root, const std::string& section, const std::string& key) {
  const ConfigNode* node = section.empty() ? &root : root.find(section);
  const ConfigNode* value = node ? node->find(key) : nullptr;
  return value && value->is_scalar() ? value->text() : "-";
}

// "babi task 3", "ntm", "copy": the component types, with the bAbI task where there is one.
std::string what_of(const ConfigNode& config, const std::string& section) {
  std::string text = scalar_or(config, section, "type");
  if (section == "dataset" && text == "babi") text += " task " + scalar_or(config, section, "task");
  return text;
}

struct RunRow {
  std::string dir, name, model, dataset, seed, step, best, test;
};

RunRow describe_run(const fs::path& run, const fs::path& root) {
  const ConfigNode config = load_config_file((run / "config.yaml").string());
  const CheckpointData last = read_checkpoint(run / "checkpoints" / "last.h5");
  RunRow row{run == root ? run.filename().string() : fs::relative(run, root).string(),
             scalar_or(config, "", "name"),
             what_of(config, "model"),
             what_of(config, "dataset"),
             scalar_or(config, "", "seed"),
             std::to_string(last.progress.step),
             "-",
             recorded_primary_metric(run, "test").value_or("-")};
  if (last.progress.best_step >= 0) {
    std::ostringstream best;
    best << last.progress.best_metric_name << " " << last.progress.best_metric << " (step "
         << last.progress.best_step << ")";
    row.best = best.str();
  }
  return row;
}

}  // namespace

int runs_command(const Args& args) {
  po::options_description options("runs options");
  std::vector<std::string> dirs;
  int depth = 3;
  options.add_options()("dir", po::value(&dirs)->composing(), "directories holding runs")(
      "depth", po::value(&depth)->default_value(3), "how many directory levels to look down");
  po::positional_options_description positional;
  positional.add("dir", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kRunsUsage, options, positional, vm)) return kOk;
  if (dirs.empty()) dirs.push_back("runs");

  std::vector<RunRow> rows = {{"run", "name", "model", "dataset", "seed", "step", "best validation", "test"}};
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir)) throw UserError(dir + " is not a directory");
    std::vector<fs::path> runs;
    find_runs(dir, depth, runs);
    for (const fs::path& run : runs) rows.push_back(describe_run(run, dir));
  }
  if (rows.size() == 1) {
    std::cout << "no run directories (config.yaml and checkpoints/last.h5) in " << dirs.front()
              << (dirs.size() > 1 ? " and the others" : "") << "\n";
    return kOk;
  }
  std::vector<size_t> widths(8, 0);
  const auto cells = [](const RunRow& r) {
    return std::vector<std::string>{r.dir, r.name, r.model, r.dataset, r.seed, r.step, r.best, r.test};
  };
  for (const RunRow& r : rows) {
    const std::vector<std::string> c = cells(r);
    for (size_t i = 0; i < c.size(); ++i) widths[i] = std::max(widths[i], c[i].size());
  }
  for (const RunRow& r : rows) {
    const std::vector<std::string> c = cells(r);
    std::string line;
    for (size_t i = 0; i < c.size(); ++i)
      line += i + 1 < c.size() ? c[i] + std::string(widths[i] - c[i].size() + 2, ' ') : c[i];
    std::cout << line << "\n";
  }
  return kOk;
}

}  // namespace mann
