#include "models/seq2seq/rnn_encoder.h"

#include "framework/autodiff/ops.h"

namespace mann {

RnnEncoder::RnnEncoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed, Index hidden,
                       bool bidirectional, Rng& rng)
    : embedding_(scope.sub("embed"), vocab, embed, rng),
      forward_(kind, single_layer(scope.sub("forward")), embed, hidden, 1, rng) {
  if (bidirectional) backward_.emplace(kind, single_layer(scope.sub("backward")), embed, hidden, 1, rng);
}

RnnEncoder::RnnEncoder(const ParamScope& scope, const Embedding& shared, RnnKind kind, Index hidden,
                       bool bidirectional, Rng& rng)
    : embedding_(shared), forward_(kind, single_layer(scope.sub("forward")), shared.dim(), hidden, 1, rng) {
  if (bidirectional)
    backward_.emplace(kind, single_layer(scope.sub("backward")), shared.dim(), hidden, 1, rng);
}

EncodedSource RnnEncoder::operator()(Tape& tape, const Seq2SeqBatch& batch) const {
  return encode(tape, batch.source, batch.batch, batch.source_steps);
}

EncodedSource RnnEncoder::encode(Tape& tape, const std::vector<int>& tokens, int batch, int steps) const {
  const int B = batch, T = steps;
  std::vector<int> time_major(static_cast<size_t>(B * T));
  EncodedSource out;
  out.mask = Matrix::Zero(B, T);
  for (int b = 0; b < B; ++b)
    for (int t = 0; t < T; ++t) {
      time_major[static_cast<size_t>(t * B + b)] = tokens[static_cast<size_t>(b * T + t)];
      out.mask(b, t) = tokens[static_cast<size_t>(b * T + t)] >= 0 ? 1.f : 0.f;
    }
  const Var embedded = embedding_(tape, time_major);  // (T*B x E)
  std::vector<Var> inputs, keep;
  for (int t = 0; t < T; ++t) {
    inputs.push_back(slice_rows(embedded, t * B, B));
    keep.push_back(tape.constant(Matrix(out.mask.col(t))));
  }
  const std::vector<Var> forward = forward_.run(tape, inputs, keep, Direction::LeftToRight);
  std::vector<Var> outputs = forward;
  out.summary = forward.back();  // padded steps carried each example's last real state to the end
  if (backward_) {
    const std::vector<Var> backward = backward_->run(tape, inputs, keep, Direction::RightToLeft);
    for (int t = 0; t < T; ++t) outputs[static_cast<size_t>(t)] = concat_cols({forward[t], backward[t]});
    out.summary = concat_cols({out.summary, backward.front()});
  }
  // Time-major rows t*B + b to the memory layout b*T + t.
  std::vector<int> example_major(static_cast<size_t>(B * T));
  for (int b = 0; b < B; ++b)
    for (int t = 0; t < T; ++t) example_major[static_cast<size_t>(b * T + t)] = t * B + b;
  out.memory = gather_rows(concat_rows(outputs), example_major);
  return out;
}

EncodedSource repeat_example(const EncodedSource& source, int b, int copies) {
  const int T = static_cast<int>(source.mask.cols());
  std::vector<int> memory_rows, summary_rows(static_cast<size_t>(copies), b);
  for (int k = 0; k < copies; ++k)
    for (int t = 0; t < T; ++t) memory_rows.push_back(b * T + t);
  EncodedSource out;
  out.memory = gather_rows(source.memory, memory_rows);
  out.mask = source.mask.row(b).replicate(copies, 1);
  out.summary = gather_rows(source.summary, summary_rows);
  return out;
}

}  // namespace mann
