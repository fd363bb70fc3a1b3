#pragma once
// The seq2seq decoder: one RNN step per output token (Bahdanau et al. 2015). The previous decoder state is
// the query of an addressing module over the encoder states (the memory, padded positions masked); the read
// is the context. Without attention the context is the encoder's summary at every step: the fixed-vector
// model of Cho et al. 2014.
//
//   context_t = memory_read(address(memory, mask, query = s_{t-1}), memory)   or   summary
//   s_t = RNN([E y_{t-1}; context_t], s_{t-1}),   s_0 = tanh(summary W_b + b_b)
//   logits_t = [s_t; context_t] W_o + b_o
#include <memory>
#include <vector>

#include "framework/components/addressing_components.h"
#include "framework/nn/embedding.h"
#include "framework/nn/linear.h"
#include "framework/nn/recurrent_cell.h"
#include "models/seq2seq/rnn_encoder.h"

namespace mann {

struct DecoderStep {
  RnnState state;
  Var logits;     // (B x vocab)
  Var attention;  // (B x T) weighting over source positions; invalid without attention
};

class AttentionDecoder {
 public:
  // Parameters under scope: embed/E (vocab + 1 rows: the last is the start symbol), rnn/..., bridge/...,
  // output/..., attention/... . An empty `attention` factory builds the model without attention.
  AttentionDecoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed, Index hidden,
                   Index memory_width, Rng& rng, const AddressingModuleFactory& attention);

  RnnState initial_state(Tape& tape, const EncodedSource& source) const;
  // One step from the previous tokens (start_token() first; -1 feeds zeros, for finished sequences).
  DecoderStep operator()(Tape& tape, const std::vector<int>& previous, const RnnState& state,
                         const EncodedSource& source, AddressingContext& ctx) const;

  int start_token() const { return static_cast<int>(vocab_); }
  Index vocab() const { return vocab_; }
  const AddressingModule* attention() const { return attention_.get(); }

 private:
  Index vocab_;
  Embedding embedding_;
  RecurrentCell cell_;
  Linear bridge_;
  Linear output_;
  std::unique_ptr<AddressingModule> attention_;
};

}  // namespace mann
