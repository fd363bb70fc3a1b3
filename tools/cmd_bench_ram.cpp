// `mann bench ram`: the recurrent attention model's (or the RAM paper's convnet's) training throughput under
// the recipe of shared/bench/ref/ram_fmnist.py: Fashion-MNIST items on a SIZE x SIZE canvas with CLUTTER
// pieces, 8x8 glimpses, glimpse net 128/128 -> 256, relu core 256, std 0.17, learned baseline, hybrid
// loss, Adam 3e-4; trained through the same Trainer as `mann train`, timed after a warm-up.
#include <iomanip>
#include <iostream>

#include "models/image/image_learner.h"
#include "tools/bench.h"
#include "tools/bench_training.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

namespace mann {
namespace {

// The experiment of one bench case (a config text, so it is built by the registry like any run). The
// trainer evaluates once at the end of a run: 32 examples keep that out of the measurement.
std::string bench_config(const std::string& model, int size, int clutter, int glimpses, int scales,
                         const std::string& attention, int grid, const std::string& grid_keys,
                         const std::string& data_dir) {
  const std::string model_node =
      model == "conv"
          ? "{type: convnet, fc: 256, eval_examples: 32}"
          : "{type: ram, glimpses: " + std::to_string(glimpses) +
                ", patch: 8, scales: " + std::to_string(scales) + ", attention: " + attention +
                (attention == "gaussian" ? ""
                                         : ", grid: " + std::to_string(grid) + ", grid_keys: " + grid_keys) +
                ", eval_examples: 32}";
  return "name: bench-ram\nseed: 1\n"
         "dataset: {type: fashion_mnist, variant: plain, canvas: " +
         std::to_string(size) + ", clutter: " + std::to_string(clutter) + ", data_dir: '" + data_dir +
         "'}\nmodel: " + model_node + "\ntrain: {optimizer: {type: adam, lr: 3.0e-4}}\neval: {batch: 500}\n";
}

}  // namespace

int bench_ram(const Args& args) {
  po::options_description options("bench ram options");
  int size = 28, clutter = 0, glimpses = 6, scales = 1, batch = 32, threads = 1, seed = 1;
  int64_t steps = 200;
  std::string model = "ram", attention = "gaussian", grid_keys = "cells", data_dir;
  int grid = 4;
  options.add_options()("size", po::value(&size)->default_value(28), "canvas side in pixels (>= 28)")(
      "clutter", po::value(&clutter)->default_value(0), "clutter pieces of 8x8 per canvas")(
      "glimpses", po::value(&glimpses)->default_value(6), "glimpses per image (ram)")(
      "scales", po::value(&scales)->default_value(1), "patches per glimpse (ram)")(
      "batch", po::value(&batch)->default_value(32), "images per step")(
      "steps", po::value(&steps)->default_value(200), "training steps, the first 20 untimed")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products")(
      "model", po::value(&model)->default_value("ram"), "ram, or conv (the RAM paper's convnet)")(
      "attention", po::value(&attention)->default_value("gaussian"),
      "ram: gaussian (RAM), or hard, gumbel, soft over a grid of glimpse centres")(
      "grid", po::value(&grid)->default_value(4), "ram with grid attention: G x G candidate centres")(
      "grid-keys", po::value(&grid_keys)->default_value("cells"),
      "ram with grid attention: cells (a logit per cell) or axes (column + row logits)")(
      "seed", po::value(&seed)->default_value(1), "seed of the parameters and the batches")(
      "data-dir", po::value(&data_dir), "Fashion-MNIST directory (default: MANN_DATA, then Debian's)");
  po::variables_map vm;
  if (!parse_command_line(
          args,
          "usage: mann bench ram [--size S] [--clutter C] [--glimpses G] [--batch B] "
          "[--threads N] [--steps S] [--model ram|conv] [--attention gaussian|hard|gumbel|soft] "
          "[--grid G] [--grid-keys cells|axes]",
          options, {}, vm))
    return kOk;
  if (model != "ram" && model != "conv") throw po::error("--model must be ram or conv");
  if (attention != "gaussian" && attention != "hard" && attention != "gumbel" && attention != "soft")
    throw po::error("--attention must be gaussian, hard, gumbel or soft");
  if (grid < 1) throw po::error("--grid must be positive");
  if (batch <= 0) throw po::error("--batch must be positive");
  check_bench_steps(steps);
  set_threads(threads);

  const std::vector<std::string> sets = {"train.batch=" + std::to_string(batch),
                                         "seed=" + std::to_string(seed)};
  Experiment e = build_experiment(parse_stored_config(
      bench_config(model, size, clutter, glimpses, scales, attention, grid, grid_keys, data_dir),
      "<bench ram>", sets));
  std::cout << "ram bench: "
            << (model == "conv" ? "convnet"
                                : "ram (" + attention + "), " + std::to_string(glimpses) + " glimpses")
            << ", " << e.learner->parameters().count() << " parameters, size " << size << ", clutter "
            << clutter << ", batch " << batch << ", threads " << threads << ", " << steps << " steps ("
            << kBenchWarmupSteps << " warm-up)" << std::endl;

  const double seconds = timed_training_seconds(e, *e.learner, kBenchWarmupSteps, steps);

  const double timed = static_cast<double>(steps - kBenchWarmupSteps);
  auto* image_learner = dynamic_cast<ImageLearner*>(e.learner.get());
  if (image_learner)
    std::cout << "multiply-adds per example (one forward pass): "
              << static_cast<int64_t>(image_learner->multiply_adds_per_example("test", batch)) << std::endl;
  std::cout << std::fixed << std::setprecision(1) << "throughput " << timed * batch / seconds
            << " examples/s (" << model << ", size " << size << ", clutter " << clutter << ", glimpses "
            << glimpses << ", batch " << batch << ", " << threads << " thread(s); canvases painted in the "
            << "timed loop)" << std::endl;
  return kOk;
}

}  // namespace mann
