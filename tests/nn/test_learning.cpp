// End-to-end checks that layers, tape and optimizers learn together: small problems that must be solved
// exactly from a fixed seed in well under a second each.
#include <doctest/doctest.h>

#include "framework/autodiff/ops.h"
#include "framework/nn/linear.h"
#include "framework/nn/lstm_cell.h"
#include "framework/nn/mlp.h"
#include "framework/train/adam.h"
#include "framework/train/clipping.h"
#include "framework/train/schedule.h"

using namespace mann;

TEST_CASE("an MLP learns XOR") {
  ParameterCollection pc;
  Rng rng(11);
  MLP mlp(pc.scope("xor"), {2, 8, 1}, rng, {.activation = Activation::Tanh});
  Adam opt({.learning_rate = 0.05f});
  Matrix x(4, 2), y(4, 1);
  x << 0, 0, 0, 1, 1, 0, 1, 1;
  y << 0, 1, 1, 0;
  Tape tape;
  float loss = 0;
  for (int step = 0; step < 500; ++step) {
    tape.clear();
    pc.zero_grad();
    Var l = bce_with_logits(mlp(tape, tape.constant(x)), y);
    loss = l.item();
    tape.backward(l);
    opt.step(pc.parameters());
  }
  CHECK(loss < 0.05f);
  tape.clear();
  const Matrix logits = mlp(tape, tape.constant(x)).value();
  for (int i = 0; i < 4; ++i) CHECK((logits(i, 0) > 0) == (y(i, 0) > 0.5f));
}

namespace {

// Sequences of `length` random symbols from {0..K-1}; the target at step t is the input at t - delay.
struct EchoBatch {
  std::vector<Matrix> inputs;             // per step: (B x K) one-hot
  std::vector<std::vector<int>> targets;  // per step: B symbols, -1 (ignored) for t < delay
};

EchoBatch make_echo_batch(Rng& rng, int batch, int length, int symbols, int delay) {
  EchoBatch b;
  std::vector<std::vector<int>> seq(static_cast<size_t>(batch));
  for (auto& s : seq)
    for (int t = 0; t < length; ++t) s.push_back(rng.uniform_int(symbols));
  for (int t = 0; t < length; ++t) {
    Matrix x = Matrix::Zero(batch, symbols);
    std::vector<int> target;
    for (int i = 0; i < batch; ++i) {
      x(i, seq[static_cast<size_t>(i)][static_cast<size_t>(t)]) = 1.f;
      target.push_back(t >= delay ? seq[static_cast<size_t>(i)][static_cast<size_t>(t - delay)] : -1);
    }
    b.inputs.push_back(std::move(x));
    b.targets.push_back(std::move(target));
  }
  return b;
}

}  // namespace

TEST_CASE("an LSTM learns to echo the symbol from 3 steps back") {
  const int K = 4, T = 10, delay = 3, H = 24, B = 32;
  ParameterCollection pc;
  Rng rng(21);
  LSTMCell cell(pc.scope("echo/lstm"), K, H, rng);
  Linear readout(pc.scope("echo/out"), H, K, rng);
  Adam opt({.learning_rate = 0.02f});
  Tape tape;

  // Returns per-step logits for a batch.
  auto run = [&](const EchoBatch& batch) {
    std::vector<Var> logits;
    LSTMState s = cell.initial_state(tape, batch.inputs[0].rows());
    for (int t = 0; t < T; ++t) {
      s = cell(tape, tape.constant(batch.inputs[static_cast<size_t>(t)]), s);
      logits.push_back(readout(tape, s.h));
    }
    return logits;
  };
  auto accuracy = [&](const EchoBatch& batch) {
    tape.clear();
    tape.set_grad_enabled(false);
    const std::vector<Var> logits = run(batch);
    tape.set_grad_enabled(true);
    int right = 0, total = 0;
    for (int t = delay; t < T; ++t) {
      const Matrix& v = logits[static_cast<size_t>(t)].value();
      for (Index i = 0; i < v.rows(); ++i) {
        Index best;
        v.row(i).maxCoeff(&best);
        right += best == batch.targets[static_cast<size_t>(t)][static_cast<size_t>(i)] ? 1 : 0;
        ++total;
      }
    }
    return static_cast<double>(right) / total;
  };

  // A fixed budget with cosine-annealed learning rate: the last few errors on rare patterns vanish once the
  // rate is small, which an early stop on a perfect evaluation batch would miss.
  const int steps = 1500;
  CosineSchedule schedule(0.02f, 0.001f, steps);
  for (int step = 0; step < steps; ++step) {
    opt.set_learning_rate(schedule.lr(step));
    const EchoBatch batch = make_echo_batch(rng, B, T, K, delay);
    tape.clear();
    pc.zero_grad();
    const std::vector<Var> logits = run(batch);
    // Mean over the scored steps of the per-step cross-entropy.
    Var loss = softmax_cross_entropy(logits[delay], batch.targets[delay]);
    for (int t = delay + 1; t < T; ++t) {
      loss = add(
          loss, softmax_cross_entropy(logits[static_cast<size_t>(t)], batch.targets[static_cast<size_t>(t)]));
    }
    loss = scale(loss, 1.f / (T - delay));
    tape.backward(loss);
    clip_grad_norm(pc.parameters(), 5.0);
    opt.step(pc.parameters());
    if (step == steps - 1) MESSAGE("final training loss ", loss.item());
  }
  CHECK(accuracy(make_echo_batch(rng, 1000, T, K, delay)) == 1.0);
}
