#include "models/seq2seq/attention_decoder.h"

#include "framework/autodiff/ops.h"

namespace mann {

AttentionDecoder::AttentionDecoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed,
                                   Index hidden, Index memory_width, Rng& rng,
                                   const AddressingModuleFactory& attention,
                                   const AttentionDecoderOptions& options)
    : vocab_(vocab),
      options_(options),
      embedding_(scope.sub("embed"), vocab + 1, embed, rng),
      cell_(kind, scope.sub("rnn"), embed + memory_width, hidden, rng),
      bridge_(scope.sub("bridge"), memory_width, hidden, rng),
      output_(scope.sub("output"), options.deep_output ? embed : hidden + memory_width, vocab, rng) {
  if (attention)
    attention_ = attention(scope.sub("attention"), AddressingShape{hidden, memory_width, 0}, rng);
  if (options.gate_context && attention_) gate_.emplace(scope.sub("gate"), hidden, 1, rng);
  if (options.init_cell && kind == RnnKind::Lstm) cell_bridge_.emplace(scope.sub("bridge_c"), memory_width, hidden, rng);
  if (options.deep_output) {
    deep_h_.emplace(scope.sub("deep/h"), hidden, embed, rng);
    deep_z_.emplace(scope.sub("deep/z"), memory_width, embed, rng, LinearOptions{.bias = false});
  }
}

RnnState AttentionDecoder::initial_state(Tape& tape, const EncodedSource& source) const {
  const Var h = tanh(bridge_(tape, source.summary));
  if (cell_bridge_) return {h, tanh((*cell_bridge_)(tape, source.summary))};
  return cell_.state_from(tape, h);
}

DecoderStep AttentionDecoder::operator()(Tape& tape, const std::vector<int>& previous, const RnnState& state,
                                         const EncodedSource& source, AddressingContext& ctx) const {
  DecoderStep step;
  Var context = source.summary;
  if (attention_) {
    step.attention = attention_->address(tape, source.memory, &source.mask, state.h, Var{}, ctx, "");
    context = memory_read(step.attention, source.memory);
    if (gate_) context = mul(context, sigmoid((*gate_)(tape, state.h)));  // beta_t (B x 1)
  }
  const Var word = embedding_(tape, previous);
  step.state = cell_(tape, concat_cols({word, context}), state);
  step.logits = deep_h_ ? output_(tape, add(add(word, (*deep_h_)(tape, step.state.h)), (*deep_z_)(tape, context)))
                        : output_(tape, concat_cols({step.state.h, context}));
  return step;
}

}  // namespace mann
