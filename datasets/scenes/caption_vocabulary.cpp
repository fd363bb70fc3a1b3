#include "datasets/scenes/caption_vocabulary.h"

namespace mann {

CaptionVocabulary::CaptionVocabulary(const std::vector<std::string>& words)
    : words_{"<pad>", "<start>", "<end>", "<unk>"} {
  for (std::size_t i = 0; i < words_.size(); ++i) ids_.emplace(words_[i], static_cast<int>(i));
  for (const std::string& word : words)
    if (ids_.emplace(word, size()).second) words_.push_back(word);
}

int CaptionVocabulary::id(const std::string& word) const {
  const auto found = ids_.find(word);
  return found == ids_.end() ? kUnknown : found->second;
}

std::vector<int> CaptionVocabulary::encode(const CaptionWords& words) const {
  std::vector<int> ids;
  ids.reserve(words.size());
  for (const std::string& word : words) ids.push_back(id(word));
  return ids;
}

CaptionWords CaptionVocabulary::decode(const std::vector<int>& ids) const {
  CaptionWords out;
  for (int token : ids) {
    if (token == kEnd) break;
    if (token == kStart || token == kPad) continue;
    out.push_back(word(token));
  }
  return out;
}

const CaptionVocabulary& scene_caption_vocabulary() {
  static const CaptionVocabulary vocabulary = [] {
    std::vector<std::string> words = {"a",    "an",    "the", "there", "is",    "and", ",",   "to",
                                      "left", "right", "of",  "above", "below", "in",  "top", "bottom"};
    for (const CaptionWords& class_words : caption_class_words())
      words.insert(words.end(), class_words.begin(), class_words.end());
    return CaptionVocabulary(words);
  }();
  return vocabulary;
}

}  // namespace mann
