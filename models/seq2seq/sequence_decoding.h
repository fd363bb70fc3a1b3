#pragma once
// Decoding output sentences from an encoded source without a target: greedy (the most likely token at each
// step, the whole batch at once) and beam search (one example, the `beam` most likely prefixes by summed
// log-probability). Both stop at end_token (seq2seq's <eos>, a caption's <end>) or after max_steps tokens.
#include <functional>
#include <optional>
#include <vector>

#include "datasets/seq2seq/seq2seq_task.h"
#include "models/seq2seq/attention_decoder.h"

namespace mann {

struct Decoded {
  std::vector<int> tokens;  // target ids, ending with <eos> when one was emitted
  Matrix attention;         // (tokens x source positions) weightings; empty without attention
};

// Log-softmax of each row of logits, on plain matrices (scoring and decoding need no gradient).
Matrix log_softmax_values(const Matrix& logits);

std::vector<Decoded> greedy_decode(Tape& tape, const AttentionDecoder& decoder, const EncodedSource& source,
                                   const std::vector<int>& source_lengths, int max_steps,
                                   AddressingContext& ctx, int end_token = kEndOfSentence);

// source: one example (batch 1) of `source_length` tokens.
Decoded beam_decode(Tape& tape, const AttentionDecoder& decoder, const EncodedSource& source,
                    int source_length, int beam, int max_steps, AddressingContext& ctx,
                    int end_token = kEndOfSentence);

// What decode_batch needs of a batch, or of one of its examples: the encoded source, each example's usable
// source positions, and the most tokens to write.
struct DecodingSource {
  EncodedSource source;
  std::vector<int> lengths;  // one per example encoded
  int max_steps = 0;
};

// Decodes `examples` examples the way evaluation does for every decoder model: greedy (beam 1) on one graph
// for the whole batch (encode(tape, nullopt)), else beam search one example at a time (encode(tape, b):
// example b alone), clearing `tape` before each graph.
std::vector<Decoded> decode_batch(Tape& tape, const AttentionDecoder& decoder, int examples, int beam,
                                  AddressingContext& ctx, int end_token,
                                  const std::function<DecodingSource(Tape&, std::optional<int>)>& encode);

}  // namespace mann
