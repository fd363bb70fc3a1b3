// `mann eval`: rebuild the experiment stored in a checkpoint, load its parameters, evaluate a split.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "models/qa/task_errors.h"
#include "tools/cli_support.h"
#include "tools/eval_record.h"
#include "tools/evaluation.h"
#include "tools/json_text.h"

namespace mann {
namespace {

// QA learners report one `taskN_error` metric per task: print them as the bAbI table (error in %, mean
// over tasks, failed tasks with error > 5%).
void print_task_table(const Metrics& metrics) {
  std::vector<std::pair<int, double>> rows;
  for (const auto& [name, value] : metrics)
    if (const int task = TaskErrors::task_of_metric(name)) rows.emplace_back(task, value);
  if (rows.empty()) return;
  double sum = 0;
  int failed = 0;
  std::cout << "\n  task  error (%)\n";
  for (const auto& [task, error] : rows) {
    sum += error;
    failed += error > kBabiFailedTaskError;
    std::cout << "  " << std::right << std::setw(4) << task << "  " << std::setw(9) << std::fixed
              << std::setprecision(1) << 100 * error << (error > kBabiFailedTaskError ? "  failed" : "")
              << "\n";
  }
  std::cout << "  mean  " << std::setw(9) << 100 * sum / static_cast<double>(rows.size()) << "\n"
            << "  failed tasks (error > 5%): " << failed << " of " << rows.size() << "\n";
  std::cout.unsetf(std::ios::fixed);
}

// {"experiment": ..., "checkpoint": ..., "step": ..., "split": ..., "examples": ..., "metrics": {...}}; a
// metric that is not a number (NaN) is null.
std::string evaluation_json(const CheckpointEvaluation& result, const std::string& split) {
  std::ostringstream out;
  out << std::setprecision(10) << "{\"experiment\": " << json_string(result.experiment)
      << ", \"checkpoint\": " << json_string(result.chosen.path.string())
      << ", \"which\": " << json_string(result.chosen.role.empty() ? "file" : result.chosen.role)
      << ", \"step\": " << result.step << ", \"split\": " << json_string(split)
      << ", \"examples\": " << result.examples << ", \"metrics\": {";
  bool first = true;
  for (const auto& [name, value] : result.metrics) {
    out << (first ? "" : ", ") << json_string(name) << ": ";
    if (std::isfinite(value))
      out << value;
    else
      out << "null";
    first = false;
  }
  out << "}}";
  return out.str();
}

}  // namespace

int eval_command(const Args& args) {
  po::options_description options("eval options");
  std::string checkpoint_arg, split, data_dir;
  std::vector<std::string> sets;
  int threads = 1;
  bool last = false, json = false;
  options.add_options()("checkpoint", po::value(&checkpoint_arg)->required(),
                        "checkpoint file, or a run directory (its best checkpoint)")(
      "last", po::bool_switch(&last), "in a run directory, evaluate the last checkpoint instead of the best")(
      "set", po::value(&sets)->composing(),
      "override a stored config key, e.g. --set dataset.eval_min_length=50 (repeatable)")(
      "split", po::value(&split)->default_value("test"), "split to evaluate: train, valid or test")(
      "data-dir", po::value(&data_dir),
      "data directory (default: the run's; overrides the config and MANN_DATA)")(
      "json", po::bool_switch(&json), "print the result as one JSON object")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products");
  po::positional_options_description positional;
  positional.add("checkpoint", 1);
  po::variables_map vm;
  if (!parse_command_line(
          args,
          "usage: mann eval CHECKPOINT_OR_RUN_DIR [--split train|valid|test] [--last] [--json] "
          "[--set key=value]... [--data-dir DIR]",
          options, positional, vm))
    return kOk;
  set_threads(threads);
  check_split(split);

  const CheckpointEvaluation result = evaluate_checkpoint(checkpoint_arg, split, sets, data_dir, last);
  // A whole run evaluated as trained is recorded in it, for `mann runs`.
  if (std::filesystem::is_directory(checkpoint_arg) && sets.empty())
    std::ofstream(eval_record_path(checkpoint_arg, split)) << evaluation_json(result, split) << "\n";
  if (json) {
    std::cout << evaluation_json(result, split) << "\n";
    return kOk;
  }
  std::cout << result.experiment << ", " << split << " split, " << result.examples << " examples\n"
            << "checkpoint: " << describe_checkpoint(result.chosen, result.step) << "\n";
  for (const auto& [name, value] : result.metrics)
    if (!TaskErrors::task_of_metric(name))  // the per-task errors get their own table
      std::cout << "  " << std::left << std::setw(16) << name << " " << value << "\n";
  print_task_table(result.metrics);
  return kOk;
}

}  // namespace mann
