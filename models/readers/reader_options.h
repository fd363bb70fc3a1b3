#pragma once
// The options of the readers of Hermann et al. 2015 (sec. 4).
#include <cstdint>

#include "framework/nn/recurrent_cell.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class ReaderKind { DeepLstm, Attentive, Impatient };

template <>
struct EnumNames<ReaderKind> {
  static constexpr std::string_view noun = "reader";
  static constexpr auto entries =
      std::to_array<EnumEntry<ReaderKind>>({{ReaderKind::DeepLstm, "deep_lstm"},
                                            {ReaderKind::Attentive, "attentive"},
                                            {ReaderKind::Impatient, "impatient"}});
};

// Which entities the answer softmax ranges over.
enum class AnswerCandidates { Document, All };

template <>
struct EnumNames<AnswerCandidates> {
  static constexpr std::string_view noun = "answer candidates";
  static constexpr auto entries = std::to_array<EnumEntry<AnswerCandidates>>(
      {{AnswerCandidates::Document, "document"}, {AnswerCandidates::All, "all"}});
};

struct ReaderOptions {
  ReaderKind reader = ReaderKind::Attentive;
  RnnKind cell = RnnKind::Lstm;
  int embed = 32;   // word embedding width (document and query share the table)
  int hidden = 64;  // units of each LSTM; the bidirectional states are 2 * hidden wide
  int layers = 2;   // deep_lstm: stacked layers
  // document: the softmax over the entities of the example's document (common practice); all: over the
  // whole entity vocabulary, as the paper's readers.
  AnswerCandidates candidates = AnswerCandidates::Document;
  float entropy_weight = 0.01f;  // REINFORCE entropy bonus (hard attention)
  int batch = 32;
  int eval_batch = 64;
  uint64_t seed = 0;
};

}  // namespace mann
