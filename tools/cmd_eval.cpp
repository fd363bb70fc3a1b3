// `mann eval`: rebuild the experiment stored in a checkpoint, load its parameters, evaluate a split.
#include <iomanip>
#include <iostream>

#include "models/qa/task_errors.h"
#include "tools/cli_support.h"
#include "tools/evaluation.h"

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

}  // namespace

int eval_command(const Args& args) {
  po::options_description options("eval options");
  std::string checkpoint_arg, split, data_dir;
  std::vector<std::string> sets;
  int threads = 1;
  options.add_options()("checkpoint", po::value(&checkpoint_arg)->required(),
                        "checkpoint file, or a run directory (its best checkpoint)")(
      "set", po::value(&sets)->composing(),
      "override a stored config key, e.g. --set dataset.eval_min_length=50 (repeatable)")(
      "split", po::value(&split)->default_value("test"), "split to evaluate: valid or test")(
      "data-dir", po::value(&data_dir), "data directory (overrides the config and MANN_DATA)")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products");
  po::positional_options_description positional;
  positional.add("checkpoint", 1);
  po::variables_map vm;
  if (!parse_command_line(
          args, "usage: mann eval CHECKPOINT [--split valid|test] [--set key=value]... [--data-dir DIR]",
          options, positional, vm))
    return kOk;
  set_threads(threads);
  if (split != "valid" && split != "test")
    throw po::error("--split must be valid or test, not `" + split + "`");

  const CheckpointEvaluation result = evaluate_checkpoint(checkpoint_arg, split, sets, data_dir);
  std::cout << result.experiment << " (step " << result.step << "), " << split << " split:\n";
  for (const auto& [name, value] : result.metrics)
    std::cout << "  " << std::left << std::setw(16) << name << " " << value << "\n";
  print_task_table(result.metrics);
  return kOk;
}

}  // namespace mann
