// `mann bench ntm`: the reference NTM recipe (LSTM controller 100, memory 128 x 20, one read and one write
// head, 8-bit copy with lengths 1..20, one length per batch, Graves RMSProp lr 1e-4, gradients clipped to
// +-10) trained through the same Trainer as `mann train`, timed after a warm-up.
#include <sys/resource.h>

#include <iomanip>
#include <iostream>

#include "models/sequence/sequence_learner.h"
#include "tools/bench.h"
#include "tools/bench_training.h"
#include "tools/cli_support.h"
#include "tools/experiment.h"

namespace mann {
namespace {

const char* kBenchConfig = R"(name: bench-ntm
seed: 1
dataset: {type: copy, bits: 8, min_length: 1, max_length: 20}
model: {type: ntm, controller: lstm, controller_size: 100, memory_slots: 128, memory_width: 20,
        read_heads: 1, write_heads: 1}
train:
  optimizer: {type: graves_rmsprop, lr: 1.0e-4, momentum: 0.9, alpha: 0.95}
  clip_value: 10
eval: {batch: 1, batches: 1}
)";

// Draws one length per batch (as the reference does) instead of one per example, and counts time steps.
class OneLengthPerBatch : public Learner {
 public:
  explicit OneLengthPerBatch(SequenceLearner& inner) : inner_(inner) {}

  ParameterCollection& parameters() override { return inner_.parameters(); }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override {
    const LengthRange& range = inner_.task().train_lengths();
    const int length = range.min + rng.uniform_int(range.max - range.min + 1);
    const SequenceBatch batch =
        inner_.task().sample(static_cast<int>(inner_.data_plan().examples_per_step), rng, {length, length});
    time_steps += batch.time_steps();
    return inner_.training_step_on(tape, batch, step, rng, metrics);
  }
  Metrics evaluate(const std::string& split, Rng& rng) override { return inner_.evaluate(split, rng); }
  std::vector<std::string> train_metric_names() const override { return inner_.train_metric_names(); }
  std::vector<std::string> eval_metric_names() const override { return inner_.eval_metric_names(); }
  DataPlan data_plan() const override { return inner_.data_plan(); }

  int64_t time_steps = 0;

 private:
  SequenceLearner& inner_;
};

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int bench_ntm(const Args& args) {
  po::options_description options("bench ntm options");
  int batch = 1, threads = 1, seed = 1;
  int64_t steps = 0;
  options.add_options()("batch", po::value(&batch)->default_value(1), "sequences per step")(
      "threads", po::value(&threads)->default_value(1), "threads for large matrix products")(
      "steps", po::value(&steps)->default_value(0), "training steps (0: 320 at batch 1, else 120)")(
      "seed", po::value(&seed)->default_value(1), "seed of the parameters and the data");
  po::variables_map vm;
  if (!parse_command_line(args, "usage: mann bench ntm [--batch B] [--threads N] [--steps S]", options, {},
                          vm))
    return kOk;
  if (batch <= 0) throw po::error("--batch must be positive");
  if (steps == 0) steps = batch == 1 ? 320 : 120;
  check_bench_steps(steps);
  set_threads(threads);

  const std::vector<std::string> sets = {"train.batch=" + std::to_string(batch),
                                         "seed=" + std::to_string(seed)};
  Experiment e = build_experiment(parse_stored_config(kBenchConfig, "<bench ntm>", sets));
  auto* sequence = dynamic_cast<SequenceLearner*>(e.learner.get());
  if (!sequence) throw std::logic_error("bench ntm: the ntm model did not build a SequenceLearner");
  OneLengthPerBatch learner(*sequence);
  std::cout << "ntm copy: " << learner.parameters().count() << " parameters, batch " << batch << ", threads "
            << threads << ", " << steps << " steps (" << kBenchWarmupSteps << " warm-up)" << std::endl;

  // Evaluation at the end of each phase is one sequence of one batch (negligible).
  const double seconds =
      timed_training_seconds(e, learner, kBenchWarmupSteps, steps, [&] { learner.time_steps = 0; });

  const double timed = static_cast<double>(steps - kBenchWarmupSteps);
  std::cout << std::fixed << std::setprecision(1) << "throughput " << timed * batch / seconds
            << " sequences/s, " << std::setprecision(0) << static_cast<double>(learner.time_steps) / seconds
            << " time steps/s (steps " << kBenchWarmupSteps + 1 << ".." << steps << ", mean "
            << std::setprecision(1) << static_cast<double>(learner.time_steps) / timed
            << " time steps/seq, batch " << batch << ", threads " << threads << "), peak memory "
            << peak_memory_mib() << " MiB" << std::endl;
  return kOk;
}

}  // namespace mann
