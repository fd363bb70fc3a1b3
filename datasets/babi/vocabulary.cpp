#include "datasets/babi/vocabulary.h"

#include <algorithm>
#include <stdexcept>

namespace mann {

Vocabulary::Vocabulary() : words_{kNilWord} {}

Vocabulary::Vocabulary(std::vector<std::string> words) : Vocabulary() {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (std::string& w : words) {
    if (w.empty() || w == kNilWord) continue;
    ids_.emplace(w, static_cast<int>(words_.size()));
    words_.push_back(std::move(w));
  }
}

int Vocabulary::id(const std::string& word) const {
  const auto it = ids_.find(word);
  return it == ids_.end() ? kNil : it->second;
}

std::vector<int> Vocabulary::ids(const std::vector<std::string>& words) const {
  std::vector<int> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(id(w));
  return out;
}

const std::string& Vocabulary::word(int id) const {
  if (id < 0 || id >= size()) {
    throw std::out_of_range("vocabulary id " + std::to_string(id) + " outside [0, " + std::to_string(size()) +
                            ")");
  }
  return words_[id];
}

}  // namespace mann
