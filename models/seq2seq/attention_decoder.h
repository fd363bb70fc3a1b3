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
#include <optional>
#include <vector>

#include "framework/components/addressing_components.h"
#include "framework/nn/embedding.h"
#include "framework/nn/linear.h"
#include "framework/nn/recurrent_cell.h"
#include "models/seq2seq/rnn_encoder.h"

namespace mann {

// Show, Attend and Tell's additions to the decoder (Xu et al. 2015, sec. 3.1.2 and 4.2.1); all off for
// seq2seq, which keeps Bahdanau's decoder.
struct AttentionDecoderOptions {
  // The gating scalar: the context is beta_t * read, beta_t = sigmoid(h_{t-1} W_beta + b_beta), so the
  // model can weigh the image against the language model (attention only).
  bool gate_context = false;
  // An LSTM's initial memory cell too from the summary, c_0 = tanh(summary W_c + b_c) (else zero).
  bool init_cell = false;
  // The deep output layer: logits = (E y_{t-1} + h_t L_h + context L_z) L_o instead of [h_t; context] W_o.
  bool deep_output = false;
};

struct DecoderStep {
  RnnState state;
  Var logits;     // (B x vocab)
  Var attention;  // (B x T) weighting over source positions; invalid without attention
};

class AttentionDecoder {
 public:
  // Parameters under scope: embed/E (vocab + 1 rows: the last is the start symbol), rnn/..., bridge/...,
  // output/..., attention/... . An empty `attention` factory builds the model without attention.
  // With options: gate/ (gate_context), bridge_c/ (init_cell), deep/h and deep/z (deep_output; output/
  // then maps embed -> vocab), created after the others so the parameters of the plain decoder keep their
  // order.
  AttentionDecoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed, Index hidden,
                   Index memory_width, Rng& rng, const AddressingModuleFactory& attention,
                   const AttentionDecoderOptions& options = {});

  RnnState initial_state(Tape& tape, const EncodedSource& source) const;
  // One step from the previous tokens (start_token() first; -1 feeds zeros, for finished sequences).
  DecoderStep operator()(Tape& tape, const std::vector<int>& previous, const RnnState& state,
                         const EncodedSource& source, AddressingContext& ctx) const;

  int start_token() const { return static_cast<int>(vocab_); }
  Index vocab() const { return vocab_; }
  const AddressingModule* attention() const { return attention_.get(); }

 private:
  Index vocab_;
  AttentionDecoderOptions options_;
  Embedding embedding_;
  RecurrentCell cell_;
  Linear bridge_;
  Linear output_;
  std::unique_ptr<AddressingModule> attention_;
  std::optional<Linear> gate_, cell_bridge_, deep_h_, deep_z_;
};

}  // namespace mann
