#include "models/readers/reader_model.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {
namespace {

// A non-candidate's logit offset: far enough below any trained logit that its probability is ~0.
constexpr float kExcluded = -1e4f;

Index width_of(const ReaderOptions& o) {
  return o.reader == ReaderKind::DeepLstm ? o.hidden : 2 * o.hidden;
}

}  // namespace

ReaderModel::ReaderModel(const ParamScope& scope, const ReaderOptions& options, Index vocab, Index entities,
                         Rng& rng, const AddressingModuleFactory& attention)
    : Module(scope),
      options_(options),
      vocab_(vocab),
      embedding_(scope.sub("embed"), vocab + 1, options.embed, rng) {
  if (options.reader == ReaderKind::DeepLstm) {
    deep_.emplace(options.cell, numbered_layers(scope.sub("deep"), "lstm"), options.embed, options.hidden,
                  options.layers, rng);
  } else {
    build_attention(scope, attention, rng);
  }
  answer_.emplace(scope.sub("answer"), width_of(options), entities, rng);
}

void ReaderModel::build_attention(const ParamScope& scope, const AddressingModuleFactory& attention,
                                  Rng& rng) {
  const ReaderOptions& options = options_;
  const Index M = 2 * options.hidden;
  if (!attention) throw UserError("the attentive and impatient readers need an attention module");
  document_.emplace(scope.sub("document"), embedding_, options.cell, options.hidden, true, rng);
  query_.emplace(scope.sub("query"), embedding_, options.cell, options.hidden, true, rng);
  const Index query_width = options.reader == ReaderKind::Impatient ? 2 * M : M;
  attention_ = attention(scope.sub("attention"), AddressingShape{query_width, M, 0}, rng);
  if (options.reader == ReaderKind::Impatient) {
    reread_.emplace(scope.sub("reread"), M, M, rng);
    r0_ = &scope.add("r0", Matrix::Zero(1, M));
  }
  combine_.emplace(scope.sub("combine"), 2 * M, M, rng);
}

DocumentRead ReaderModel::attend(Tape& tape, Var memory, const Matrix& mask, Var query,
                                 AddressingContext& ctx) const {
  const Var weights = attention_->address(tape, memory, &mask, query, Var{}, ctx, "document");
  return {memory_read(weights, memory), weights};
}

DocumentRead ReaderModel::reread(Tape& tape, Var memory, const Matrix& mask, Var previous, Var query_state,
                                 AddressingContext& ctx) const {
  const DocumentRead read = attend(tape, memory, mask, concat_cols({previous, query_state}), ctx);
  return {add(read.read, tanh((*reread_)(tape, previous))), read.attention};
}

Var ReaderModel::deep_lstm_summary(Tape& tape, const ReaderBatch& batch) const {
  // Each example's document, the delimiter, then its query, packed to the left; padding after.
  const int B = batch.batch, T = batch.document_steps + 1 + batch.query_steps;
  const int delimiter = static_cast<int>(vocab_);
  std::vector<std::vector<int>> sequences(static_cast<size_t>(B));
  for (int b = 0; b < B; ++b) {
    std::vector<int>& s = sequences[static_cast<size_t>(b)];
    for (int t = 0; t < batch.document_steps; ++t)
      if (const int id = batch.document[static_cast<size_t>(b * batch.document_steps + t)]; id >= 0)
        s.push_back(id);
    s.push_back(delimiter);
    for (int i = 0; i < batch.query_steps; ++i)
      if (const int id = batch.query[static_cast<size_t>(b * batch.query_steps + i)]; id >= 0)
        s.push_back(id);
  }
  std::vector<Var> inputs, keep;
  for (int t = 0; t < T; ++t) {
    std::vector<int> ids(static_cast<size_t>(B), -1);
    Matrix real = Matrix::Zero(B, 1);
    for (int b = 0; b < B; ++b)
      if (static_cast<size_t>(t) < sequences[static_cast<size_t>(b)].size()) {
        ids[static_cast<size_t>(b)] = sequences[static_cast<size_t>(b)][static_cast<size_t>(t)];
        real(b, 0) = 1.f;
      }
    inputs.push_back(embedding_(tape, ids));
    keep.push_back(tape.constant(real));
  }
  return deep_->run(tape, inputs, keep, Direction::LeftToRight).back();
}

ReaderOutput ReaderModel::operator()(Tape& tape, const ReaderBatch& batch, AddressingContext& ctx) const {
  ReaderOutput out;
  Var g;
  if (deep_) {
    g = deep_lstm_summary(tape, batch);
  } else {
    const EncodedSource document = document_->encode(tape, batch.document, batch.batch, batch.document_steps);
    const EncodedSource query = query_->encode(tape, batch.query, batch.batch, batch.query_steps);
    Var r;
    if (options_.reader == ReaderKind::Attentive) {
      const DocumentRead read = attend(tape, document.memory, document.mask, query.summary, ctx);
      r = read.read;
      out.attention.push_back(read.attention);
    } else {
      const int B = batch.batch, Q = batch.query_steps;
      r = gather_rows(tape.param(*r0_), std::vector<int>(static_cast<size_t>(B), 0));
      for (int i = 0; i < Q; ++i) {
        std::vector<int> rows;
        for (int b = 0; b < B; ++b) rows.push_back(b * Q + i);
        const DocumentRead read =
            reread(tape, document.memory, document.mask, r, gather_rows(query.memory, rows), ctx);
        // Past the end of a shorter query, r keeps its last value.
        const Var real = tape.constant(Matrix(query.mask.col(i)));
        r = add(mul(real, read.read), mul(rsub_scalar(1.f, real), r));
        out.attention.push_back(read.attention);
      }
    }
    g = tanh((*combine_)(tape, concat_cols({r, query.summary})));
  }
  out.logits = (*answer_)(tape, g);
  if (options_.candidates == AnswerCandidates::Document)
    out.logits = add(out.logits, tape.constant((1.f - batch.candidates.array()).matrix() * kExcluded));
  return out;
}

}  // namespace mann
