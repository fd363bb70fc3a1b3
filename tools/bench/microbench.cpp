// Micro-benchmarks of the autodiff core (Google Benchmark), on one thread. Build target: mann_microbench.
//   build/mann_microbench --benchmark_filter=Overhead
// Each iteration builds a graph on a reused tape, runs backward, and clears the tape, as training does.
#include <benchmark/benchmark.h>

#include "framework/autodiff/ops.h"
#include "framework/autodiff/ops_image.h"
#include "framework/nn/lstm_cell.h"
#include "framework/util/rng.h"

namespace mann {
namespace {

// Bookkeeping per op: a chain of 100 adds on 1x1 values, forward + backward (arithmetic is negligible).
void BM_OpOverhead(benchmark::State& state) {
  Tape tape;
  Parameter p("p", Matrix::Ones(1, 1));
  constexpr int kOps = 100;
  for (auto _ : state) {
    tape.clear();
    Var x = tape.param(p);
    Var y = x;
    for (int i = 0; i < kOps; ++i) y = add(y, x);
    tape.backward(y);
    benchmark::DoNotOptimize(p.grad.data());
  }
  state.counters["ns_per_op_fwd_bwd"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * kOps,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_OpOverhead)->Unit(benchmark::kMicrosecond);

// One NTM-style content-addressing step over a 128x20 memory: cosine scores, key strength, softmax, read.
void BM_CosineAddressing(benchmark::State& state) {
  const Index batch = state.range(0), slots = 128, width = 20;
  Rng rng(1);
  Parameter memory("memory", rng.uniform_matrix(batch * slots, width, -1.f, 1.f));
  Parameter key("key", rng.uniform_matrix(batch, width, -1.f, 1.f));
  Parameter beta("beta", rng.uniform_matrix(batch, 1, 0.f, 2.f));
  Tape tape;
  for (auto _ : state) {
    tape.clear();
    Var mem = tape.param(memory);
    Var weights = softmax_rows(mul(memory_cosine(mem, tape.param(key)), softplus(tape.param(beta))));
    Var read = memory_read(weights, mem);
    tape.backward(sum(read));
    benchmark::DoNotOptimize(key.grad.data());
  }
}
BENCHMARK(BM_CosineAddressing)->Arg(1)->Arg(16)->Unit(benchmark::kMicrosecond);

// One LSTM step (100 units, input 100) forward and backward, as a controller step costs in training.
void BM_LstmStep(benchmark::State& state) {
  const Index batch = state.range(0), units = 100;
  ParameterCollection params(1);
  Rng rng(1);
  LSTMCell cell(params.scope("lstm"), units, units, rng);
  const Matrix input = rng.uniform_matrix(batch, units, -1.f, 1.f);
  Tape tape;
  for (auto _ : state) {
    tape.clear();
    params.zero_grad();
    LSTMState s = cell.initial_state(tape, batch);
    s = cell(tape, tape.constant(input), s);
    tape.backward(sum(s.h));
    benchmark::DoNotOptimize(params.parameters().front()->grad.data());
  }
}
BENCHMARK(BM_LstmStep)->Arg(1)->Arg(32)->Unit(benchmark::kMicrosecond);

// A small convolutional layer on 28x28 grey images: 8 3x3 filters with padding 1, ReLU, 2x2 max pooling,
// forward and backward (the weight's and bias's gradients).
void BM_ConvPoolStep(benchmark::State& state) {
  const Index batch = state.range(0);
  const ImageShape in{1, 28, 28};
  const ImageShape features = conv2d_output_shape(in, 8, 3, 1, 1);
  Rng rng(1);
  Parameter weight("weight", rng.uniform_matrix(8, 9, -0.3f, 0.3f));
  Parameter bias("bias", Matrix::Zero(1, 8));
  const Matrix images = rng.uniform_matrix(batch, in.size(), 0.f, 1.f);
  Tape tape;
  for (auto _ : state) {
    tape.clear();
    weight.zero_grad();
    bias.zero_grad();
    Var conv = conv2d(tape.constant(images), in, tape.param(weight), tape.param(bias), 1, 1);
    tape.backward(sum(max_pool2d(relu(conv), features, 2, 2)));
    benchmark::DoNotOptimize(weight.grad.data());
  }
}
BENCHMARK(BM_ConvPoolStep)->Arg(1)->Arg(32)->Unit(benchmark::kMicrosecond);

// The RAM glimpse sensor (3 scales of 8x8) on 28x28 images, forward and backward into the images.
void BM_Glimpse(benchmark::State& state) {
  const Index batch = state.range(0);
  const ImageShape in{1, 28, 28};
  Rng rng(1);
  Parameter images("images", rng.uniform_matrix(batch, in.size(), 0.f, 1.f));
  const Matrix location = rng.uniform_matrix(batch, 2, -1.f, 1.f);
  Tape tape;
  for (auto _ : state) {
    tape.clear();
    images.zero_grad();
    tape.backward(sum(glimpse(tape.param(images), in, location, 8, 3)));
    benchmark::DoNotOptimize(images.grad.data());
  }
}
BENCHMARK(BM_Glimpse)->Arg(1)->Arg(32)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace mann

// One thread, as `mann` runs by default: these numbers are per-op costs, not parallel throughput.
int main(int argc, char** argv) {
  Eigen::setNbThreads(1);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
