#include "models/seq2seq/attention_decoder.h"

#include "framework/autodiff/ops.h"

namespace mann {

AttentionDecoder::AttentionDecoder(const ParamScope& scope, RnnKind kind, Index vocab, Index embed,
                                   Index hidden, Index memory_width, Rng& rng,
                                   const AddressingModuleFactory& attention)
    : vocab_(vocab),
      embedding_(scope.sub("embed"), vocab + 1, embed, rng),
      cell_(kind, scope.sub("rnn"), embed + memory_width, hidden, rng),
      bridge_(scope.sub("bridge"), memory_width, hidden, rng),
      output_(scope.sub("output"), hidden + memory_width, vocab, rng) {
  if (attention)
    attention_ = attention(scope.sub("attention"), AddressingShape{hidden, memory_width, 0}, rng);
}

RnnState AttentionDecoder::initial_state(Tape& tape, const EncodedSource& source) const {
  return cell_.state_from(tape, tanh(bridge_(tape, source.summary)));
}

DecoderStep AttentionDecoder::operator()(Tape& tape, const std::vector<int>& previous, const RnnState& state,
                                         const EncodedSource& source, AddressingContext& ctx) const {
  DecoderStep step;
  Var context = source.summary;
  if (attention_) {
    step.attention = attention_->address(tape, source.memory, &source.mask, state.h, Var{}, ctx, "");
    context = memory_read(step.attention, source.memory);
  }
  step.state = cell_(tape, concat_cols({embedding_(tape, previous), context}), state);
  step.logits = output_(tape, concat_cols({step.state.h, context}));
  return step;
}

}  // namespace mann
