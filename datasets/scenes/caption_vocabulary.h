#pragma once
// The words of scene captions and their token ids: four special tokens with fixed ids, then every word the
// caption grammar (caption_grammar.h) can write, in a fixed order, so ids never depend on the data.
#include <string>
#include <unordered_map>
#include <vector>

#include "datasets/scenes/caption_grammar.h"

namespace mann {

class CaptionVocabulary {
 public:
  static constexpr int kPad = 0;      // fills a caption row after its <end>
  static constexpr int kStart = 1;    // the first input of the decoder
  static constexpr int kEnd = 2;      // the last target of a caption
  static constexpr int kUnknown = 3;  // a word the vocabulary does not hold

  // The specials <pad> <start> <end> <unk>, then `words` in their order (duplicates dropped).
  explicit CaptionVocabulary(const std::vector<std::string>& words);

  // Number of tokens, the specials included.
  int size() const { return static_cast<int>(words_.size()); }
  // The id of `word`; kUnknown when it is not in the vocabulary.
  int id(const std::string& word) const;
  // The word of `id` ("<pad>" for kPad, ...). Throws std::out_of_range for an id outside 0..size()-1.
  const std::string& word(int id) const { return words_.at(static_cast<std::size_t>(id)); }
  // All tokens by id.
  const std::vector<std::string>& words() const { return words_; }

  // The ids of `words`, without <start> and <end>.
  std::vector<int> encode(const CaptionWords& words) const;
  // The words of `ids` up to the first <end> (excluded), skipping <start> and <pad>: a model's output as a
  // caption. <unk> stays "<unk>".
  CaptionWords decode(const std::vector<int>& ids) const;

 private:
  std::vector<std::string> words_;
  std::unordered_map<std::string, int> ids_;
};

// The vocabulary of fashion_scenes: the specials, then a, an, the, there, is, and, ",", to, left, right, of,
// above, below, in, top, bottom, then the class words (caption_class_words) - 31 tokens.
const CaptionVocabulary& scene_caption_vocabulary();

}  // namespace mann
