#pragma once
// Decoding output sentences from an encoded source without a target: greedy (the most likely token at each
// step, the whole batch at once) and beam search (one example, the `beam` most likely prefixes by summed
// log-probability). Both stop at end_token (seq2seq's <eos>, a caption's <end>) or after max_steps tokens.
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

}  // namespace mann
