// `mann bench memn2n`: MemN2N training throughput under the reference recipe
// (shared/bench/ref/memn2n_babi.py).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "datasets/babi/babi_files.h"
#include "framework/train/clipping.h"
#include "framework/train/finite.h"
#include "framework/train/schedule.h"
#include "framework/train/sgd.h"
#include "models/memn2n/memn2n_learner.h"
#include "tools/bench.h"
#include "tools/cli_support.h"

namespace mann {
namespace {

const char* kBenchUsage =
    R"(usage: mann bench memn2n [--task T] [--batch B] [--threads N] [--data-dir DIR] [--epochs E]

Trains MemN2N on one bAbI task (1k) with the recipe of shared/bench/ref/memn2n_babi.py: 3 hops, adjacent
tying, position and temporal encoding, d = 20, memory 50 (padded to the longest story, empty slots masked),
all 1,000 training questions, batch 32, SGD lr 0.01 halved every 25 epochs, summed loss, norm clip 40, no LS,
no RN. Prints per-epoch figures and closes with `throughput N questions/s`, over epochs 2..E (epoch 1 is
warm-up).)";

struct BenchOptions {
  int task = 1, batch = 32, epochs = 3;
  std::string data_dir;
  uint64_t seed = 1;
};

int run_bench_memn2n(const BenchOptions& b) {
  BabiOptions data_options;
  data_options.data_dir = b.data_dir;
  data_options.valid_fraction = 0.0;  // the reference trains on every training question
  BabiDataset data = load_babi({b.task}, data_options);
  const int questions = static_cast<int>(data.train.size());
  MemN2NLearnerOptions options;
  options.batch = b.batch;
  options.seed = b.seed;
  MemN2NLearner learner(std::move(data), std::make_unique<ParameterCollection>(b.seed), MemN2NOptions{},
                        options);
  std::printf("task %d: train=%d test=%zu vocab=%d memory=%d batch=%d\n", b.task, questions,
              learner.data().test.size(), learner.data().vocab.size(),
              std::min(learner.data().memory_size, learner.data().max_story_len), b.batch);

  const std::vector<Parameter*> params = learner.parameters().trainable_parameters();
  SGD sgd(SGDOptions{0.01f});
  const StepDecaySchedule schedule(0.01f, 0.5f, 25);
  const int64_t per_epoch = learner.data_plan().steps_per_epoch;
  Tape tape;
  Rng rng(b.seed);
  Metrics metrics;
  double timed_seconds = 0;
  int64_t timed_questions = 0;
  for (int epoch = 0; epoch < b.epochs; ++epoch) {
    sgd.set_learning_rate(schedule.lr(epoch));
    double loss_sum = 0;
    const auto start = std::chrono::steady_clock::now();
    // The trainer's step: forward, backward, finiteness check, clipping, update, nil re-zeroing.
    for (int64_t s = epoch * per_epoch; s < (epoch + 1) * per_epoch; ++s) {
      tape.clear();
      learner.parameters().zero_grad();
      Var loss = learner.training_step(tape, s, rng, metrics);
      tape.backward(loss);
      if (!all_finite(params)) throw UserError("bench: the gradient became NaN or Inf");
      clip_grad_norm(params, 40.0);
      sgd.step(params);
      learner.after_step();
      loss_sum += metrics[0].second * b.batch;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (epoch > 0) timed_seconds += seconds, timed_questions += questions;
    const Metrics test = learner.evaluate("test", rng);
    std::printf("epoch %d train_loss %.4f test_error %.1f%% %.0f questions/s\n", epoch + 1,
                loss_sum / questions, 100 * test[0].second, questions / seconds);
    std::fflush(stdout);
  }
  if (timed_seconds > 0)
    std::printf("throughput %.0f questions/s (training, epochs 2..%d)\n", timed_questions / timed_seconds,
                b.epochs);
  return kOk;
}

}  // namespace

int bench_memn2n(const Args& args) {
  po::options_description options("bench memn2n options");
  BenchOptions b;
  int threads = 1;
  options.add_options()("task", po::value(&b.task)->default_value(1), "bAbI task (1k)")(
      "batch", po::value(&b.batch)->default_value(32), "questions per step")(
      "epochs", po::value(&b.epochs)->default_value(3), "epochs, the first one untimed")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products")(
      "data-dir", po::value(&b.data_dir), "data directory (default: MANN_DATA, else ./data)");
  po::variables_map vm;
  if (!parse_command_line(args, kBenchUsage, options, {}, vm)) return kOk;
  set_threads(threads);
  if (b.batch <= 0 || b.epochs <= 0) throw po::error("--batch and --epochs must be positive");
  return run_bench_memn2n(b);
}

}  // namespace mann
