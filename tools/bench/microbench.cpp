// Micro-benchmarks of the autodiff core (Google Benchmark), on one thread. Build target: mann_microbench.
//   build/mann_microbench --benchmark_filter=Overhead
// Each iteration builds a graph on a reused tape, runs backward, and clears the tape, as training does.
#include <benchmark/benchmark.h>

#include "framework/autodiff/ops.h"
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
