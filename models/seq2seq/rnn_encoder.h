#pragma once
// The seq2seq encoder: embedded source tokens through an LSTM/GRU, optionally also right to left
// (bidirectional: each position's state is [forward; backward]). Its per-position states are the memory
// the decoder attends over, in the addressing modules' layout, with a mask for padded positions.
#include <optional>
#include <vector>

#include "datasets/seq2seq/seq2seq_task.h"
#include "framework/nn/embedding.h"
#include "framework/nn/recurrent_stack.h"

namespace mann {

struct EncodedSource {
  Var memory;   // (B*T x M): example b's states in rows b*T .. b*T+T-1
  Matrix mask;  // (B x T): 1 on real source tokens, 0 on padding
  Var summary;  // (B x M): forward state after the last token [; backward state after the first]
};

class RnnEncoder {
 public:
  // Parameters under scope: embed/E, forward/..., backward/... (bidirectional).
  RnnEncoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed, Index hidden,
             bool bidirectional, Rng& rng);
  // An encoder that looks its tokens up in an embedding it shares with other parts of a model (the readers'
  // document and query encoders); its own parameters go under scope: forward/..., backward/... .
  RnnEncoder(const ParamScope& scope, const Embedding& shared, RnnKind kind, Index hidden, bool bidirectional,
             Rng& rng);

  // The batch's source tokens encoded (padded positions keep each example's last real state).
  EncodedSource operator()(Tape& tape, const Seq2SeqBatch& batch) const;
  // The same for `batch` sequences of `steps` token ids each, example-major, -1 on padding.
  EncodedSource encode(Tape& tape, const std::vector<int>& tokens, int batch, int steps) const;
  // M, the width of each position's state.
  Index width() const { return (backward_ ? 2 : 1) * forward_.hidden_size(); }

 private:
  Embedding embedding_;
  RecurrentStack forward_;
  std::optional<RecurrentStack> backward_;
};

// Example b's encoding repeated `copies` times (the hypotheses of a beam share their source).
EncodedSource repeat_example(const EncodedSource& source, int b, int copies);

}  // namespace mann
