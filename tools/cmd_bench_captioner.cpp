// `mann bench captioner`: Show, Attend and Tell's training throughput (captions/s) on the easy scenes of
// experiments/captioning/grid2x2_base.yaml (1..4 items on the 2x2 grid of a 32x32 canvas, conv 16-32, LSTM
// 128, teacher forcing), or on the 64x64 scenes of scenes64_*.yaml; trained through the same Trainer as
// `mann train`, timed after a warm-up. There is no reference program for it: compare attentions, not
// frameworks.
#include <iomanip>
#include <iostream>

#include "tools/bench.h"
#include "tools/bench_training.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

namespace mann {
namespace {

// The attention block of each --attention value, as in the experiment files.
std::string attention_node(const std::string& attention) {
  if (attention == "none") return "none";
  if (attention == "soft") return "{type: soft_content, score: additive, additive_hidden: 64}";
  if (attention == "hard") return "{type: hard, score: additive, additive_hidden: 64, baseline: ema}";
  if (attention == "gumbel") return "{type: gumbel, score: additive, additive_hidden: 64}";
  throw po::error("--attention must be soft, hard, gumbel or none");
}

std::string bench_config(const std::string& scenes, const std::string& attention,
                         const std::string& data_dir) {
  std::string dataset;
  if (scenes == "grid2x2")
    dataset = "{type: fashion_scenes, canvas: 32, item_side: 16, min_items: 1, max_items: 4, layout: grid2x2";
  else if (scenes == "scenes64")
    dataset = "{type: fashion_scenes, canvas: 64, item_side: 28, min_items: 1, max_items: 4, layout: random";
  else
    throw po::error("--scenes must be grid2x2 or scenes64");
  // The trainer evaluates once at the end of a run: one batch of 16 keeps that out of the measurement.
  return "name: bench-captioner\nseed: 1\ndataset: " + dataset + ", data_dir: '" + data_dir +
         "'}\nmodel: {type: captioner, filters: [16, 32], kernel: 5, pool: true, embed: 32, hidden: 128, "
         "attention: " +
         attention_node(attention) +
         "}\ntrain: {optimizer: {type: adam, lr: 0.002}, clip_norm: 5}\neval: {batch: 16, batches: 1}\n";
}

}  // namespace

int bench_captioner(const Args& args) {
  po::options_description options("bench captioner options");
  int batch = 32, threads = 1, seed = 1;
  int64_t steps = 120;
  std::string scenes = "grid2x2", attention = "soft", data_dir;
  options.add_options()("attention", po::value(&attention)->default_value("soft"),
                        "soft, hard, gumbel or none")(
      "scenes", po::value(&scenes)->default_value("grid2x2"),
      "grid2x2 (32x32, the easy check) or scenes64 (64x64, items anywhere)")(
      "batch", po::value(&batch)->default_value(32), "captions per step")(
      "steps", po::value(&steps)->default_value(120), "training steps, the first 20 untimed")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products")(
      "seed", po::value(&seed)->default_value(1), "seed of the parameters and the batches")(
      "data-dir", po::value(&data_dir), "Fashion-MNIST directory (default: MANN_DATA, then Debian's)");
  po::variables_map vm;
  if (!parse_command_line(args,
                          "usage: mann bench captioner [--attention soft|hard|gumbel|none] "
                          "[--scenes grid2x2|scenes64] [--batch B] [--threads N] [--steps S]",
                          options, {}, vm))
    return kOk;
  if (batch <= 0) throw po::error("--batch must be positive");
  check_bench_steps(steps);
  const std::string config = bench_config(scenes, attention, data_dir);
  set_threads(threads);

  const std::vector<std::string> sets = {"train.batch=" + std::to_string(batch),
                                         "seed=" + std::to_string(seed)};
  Experiment e = build_experiment(parse_stored_config(config, "<bench captioner>", sets));
  std::cout << "captioner bench: " << attention << " attention, " << scenes << " scenes, "
            << e.learner->parameters().count() << " parameters, batch " << batch << ", threads " << threads
            << ", " << steps << " steps (" << kBenchWarmupSteps << " warm-up)" << std::endl;

  const double seconds = timed_training_seconds(e, *e.learner, kBenchWarmupSteps, steps);

  const double timed = static_cast<double>(steps - kBenchWarmupSteps);
  std::cout << std::fixed << std::setprecision(1) << "throughput " << timed * batch / seconds
            << " captions/s (captioner, " << attention << " attention, " << scenes << ", batch " << batch
            << ", " << threads << " thread(s); scenes painted in the timed loop)" << std::endl;
  return kOk;
}

}  // namespace mann
