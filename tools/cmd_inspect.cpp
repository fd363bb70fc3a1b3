// `mann inspect`: what a checkpoint holds, readable without rebuilding the model.
#include <cmath>
#include <iomanip>
#include <iostream>

#include "framework/io/checkpoint.h"
#include "framework/util/strings.h"
#include "tools/checkpoint_choice.h"
#include "tools/cli_support.h"
#include "tools/run_state.h"

namespace mann {
namespace {

void print_parameter_table(const CheckpointData& d) {
  std::cout << std::left << std::setw(32) << "parameter" << std::setw(12) << "shape" << std::right
            << std::setw(9) << "count" << std::setw(11) << "mean" << std::setw(11) << "std" << std::setw(11)
            << "min" << std::setw(11) << "max" << std::setw(11) << "L2"
            << "\n";
  int64_t total = 0;
  for (const auto& [name, m] : d.params) {
    const double mean = m.size() ? m.mean() : 0.0;
    const double variance = m.size() ? (m.array() - static_cast<float>(mean)).square().mean() : 0.0;
    std::cout << std::left << std::setw(32) << name << std::setw(12) << shape_string(m) << std::right
              << std::setw(9) << m.size() << std::setprecision(4) << std::setw(11) << mean << std::setw(11)
              << std::sqrt(variance) << std::setw(11) << (m.size() ? m.minCoeff() : 0.f) << std::setw(11)
              << (m.size() ? m.maxCoeff() : 0.f) << std::setw(11) << m.norm() << "\n";
    total += m.size();
  }
  std::cout << "total parameters: " << total << "\n";
}

void print_metrics(const MetricsTable& table) {
  std::cout << join(table.columns, ",") << "\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) std::cout << ",";
      if (std::isfinite(row[i])) std::cout << row[i];
    }
    std::cout << "\n";
  }
}

// The stored config with every default written in; a checkpoint of an older mann whose config no longer
// validates is shown as it was stored.
std::string complete_stored_config(const CheckpointData& d) {
  try {
    return to_yaml(parse_stored_config(d.config_yaml, "<config of " + d.source.string() + ">"));
  } catch (const ConfigError&) {
    return d.config_yaml;
  }
}

}  // namespace

int inspect_command(const Args& args) {
  po::options_description options("inspect options");
  std::string checkpoint_arg, tensor;
  bool show_config = false, show_metrics = false, last = false;
  options.add_options()("checkpoint", po::value(&checkpoint_arg)->required(),
                        "checkpoint file, or a run directory (its best checkpoint, as for eval)")(
      "last", po::bool_switch(&last), "in a run directory, the last checkpoint instead of the best")(
      "tensor", po::value(&tensor), "print the values of this parameter")(
      "config", po::bool_switch(&show_config), "print the resolved config")(
      "metrics", po::bool_switch(&show_metrics), "print the metrics history as CSV");
  po::positional_options_description positional;
  positional.add("checkpoint", 1);
  po::variables_map vm;
  if (!parse_command_line(
          args, "usage: mann inspect CHECKPOINT_OR_RUN_DIR [--last] [--tensor NAME] [--config] [--metrics]",
          options, positional, vm))
    return kOk;
  const ChosenCheckpoint chosen = choose_checkpoint(checkpoint_arg, last);
  const CheckpointData d = read_checkpoint(chosen.path);
  if (!tensor.empty()) {
    const Matrix* m = d.param(tensor);
    if (!m) {
      std::string names;
      for (const auto& p : d.params) names += "\n  " + p.first;
      throw UserError("no parameter `" + tensor + "` in " + d.source.string() + "; it has:" + names);
    }
    std::cout << tensor << " " << shape_string(*m) << "\n" << *m << "\n";
    return kOk;
  }
  if (show_config) {
    std::cout << complete_stored_config(d);
    return kOk;
  }
  if (show_metrics) {
    print_metrics(d.metrics);
    return kOk;
  }
  std::cout << "checkpoint:   " << describe_checkpoint(chosen, d.progress.step) << "\n"
            << "format:       mann-checkpoint version " << d.format_version << " (written by mann "
            << d.mann_version << ", " << d.created << ")\n"
            << "experiment:   " << d.experiment << "\n"
            << "progress:     step " << d.progress.step << ", epoch " << d.progress.epoch << ", "
            << d.progress.examples_seen << " examples\n";
  if (d.progress.best_step >= 0)
    std::cout << "best:         " << d.progress.best_metric_name << " " << d.progress.best_metric
              << " at step " << d.progress.best_step << "\n";
  std::cout << "optimizer:    " << d.optimizer_type << " (step " << d.optimizer_step << ")\n\n";
  print_parameter_table(d);
  return kOk;
}

}  // namespace mann
