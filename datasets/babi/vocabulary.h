#pragma once
// Word <-> id mapping. Id 0 is the nil word (padding / unknown), whose embedding models keep at zero;
// real words get ids 1.. in sorted order, so the same word set always gives the same ids.
#include <string>
#include <unordered_map>
#include <vector>

namespace mann {

class Vocabulary {
 public:
  static constexpr int kNil = 0;
  static constexpr const char* kNilWord = "<nil>";

  Vocabulary();  // only the nil word
  // Deduplicates and sorts `words`; an empty word or the nil word itself is ignored.
  explicit Vocabulary(std::vector<std::string> words);

  int size() const { return static_cast<int>(words_.size()); }  // including nil
  bool contains(const std::string& word) const { return ids_.count(word) != 0; }
  // kNil for an unknown word.
  int id(const std::string& word) const;
  std::vector<int> ids(const std::vector<std::string>& words) const;
  const std::string& word(int id) const;  // throws std::out_of_range
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
  std::unordered_map<std::string, int> ids_;
};

}  // namespace mann
