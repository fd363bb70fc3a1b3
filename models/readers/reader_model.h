#pragma once
// The neural readers of Hermann et al. 2015 (sec. 4), answering a cloze query about a document with one of
// its anonymised entities: p(a | d, q) = softmax(g(d, q) W_a) over the entities.
//
//   deep_lstm:  a stack of LSTMs reads the document, a delimiter, then the query; g is the top state at the
//               end (the paper's skip connections are left out).
//   attentive:  y_d(t) = bidirectional LSTM states of the document, u = [final forward; first backward]
//               state of the query. s(t) = softmax_t(w . tanh(y_d(t) W_ym + u W_um)), r = sum_t s(t) y_d(t),
//               g = tanh([r; u] W_g).
//   impatient:  the document is re-read after each query token i, y_q(i) the query's bidirectional state:
//               s(i, t) = softmax_t(w . tanh(y_d(t) W_dm + [r(i-1); y_q(i)] W_m)),
//               r(i) = sum_t s(i, t) y_d(t) + tanh(r(i-1) W_rr),   r(0) = r_0 learned,
//               g = tanh([r(|q|); u] W_g).
// The scores s are an addressing module's (soft_content with additive scores is exactly tanh(W_ym y +
// W_um u) above), so `attention: {type: hard}` or gumbel swaps in through the config.
#include <memory>
#include <optional>
#include <vector>

#include "framework/components/addressing_components.h"
#include "framework/nn/embedding.h"
#include "framework/nn/linear.h"
#include "framework/nn/recurrent_stack.h"
#include "models/readers/reader_batch.h"
#include "models/readers/reader_options.h"
#include "models/seq2seq/rnn_encoder.h"

namespace mann {

struct ReaderOutput {
  Var logits;                  // (B x K) entity scores, non-candidates at -1e4 when restricted
  std::vector<Var> attention;  // (B x document_steps) per read: one (attentive), one per query token
                               // (impatient), none (deep_lstm)
};

// One read of the document.
struct DocumentRead {
  Var read;       // (B x M)
  Var attention;  // (B x T)
};

class ReaderModel : public Module {
 public:
  // Parameters under scope: embed/E, then deep/lstm0.. (deep_lstm) or document/..., query/..., attention/...,
  // [reread/..., r0 (impatient)], combine/...; last answer/... . `vocab` word ids (the delimiter of the deep
  // LSTM reader is one more), `entities` K.
  ReaderModel(const ParamScope& scope, const ReaderOptions& options, Index vocab, Index entities, Rng& rng,
              const AddressingModuleFactory& attention);

  // The entity scores of a batch (and the attention of every read).
  ReaderOutput operator()(Tape& tape, const ReaderBatch& batch, AddressingContext& ctx) const;

  // The attentive reader's read: memory (B*T x M) the document's states, query u (B x 2H).
  DocumentRead attend(Tape& tape, Var memory, const Matrix& mask, Var query, AddressingContext& ctx) const;
  // One step of the impatient reader: r(i) from r(i-1) and the query state y_q(i).
  DocumentRead reread(Tape& tape, Var memory, const Matrix& mask, Var previous, Var query_state,
                      AddressingContext& ctx) const;

  // The attention over the document's tokens; null for the deep LSTM reader.
  const AddressingModule* attention() const { return attention_.get(); }
  // Which reader this is.
  ReaderKind kind() const { return options_.reader; }

 private:
  void build_attention(const ParamScope& scope, const AddressingModuleFactory& attention, Rng& rng);
  Var deep_lstm_summary(Tape& tape, const ReaderBatch& batch) const;

  ReaderOptions options_;
  Index vocab_;
  Embedding embedding_;
  std::optional<RecurrentStack> deep_;
  std::optional<RnnEncoder> document_, query_;
  std::unique_ptr<AddressingModule> attention_;
  std::optional<Linear> reread_;
  Parameter* r0_ = nullptr;
  std::optional<Linear> combine_;
  std::optional<Linear> answer_;
};

}  // namespace mann
