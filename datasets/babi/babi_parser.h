#pragma once
// Parsing of bAbI v1.2 text files into tokenised stories and questions (no vocabulary, no memory limit).
//
// Lines are "ID sentence" or "ID question<TAB>answer<TAB>supporting IDs"; a story restarts when ID is 1.
// Tokens: lowercased, split on whitespace, trailing '.' and '?' dropped (they carry no information: every
// statement ends in '.', every question in '?'). An answer is kept as one token even when it is a
// comma-separated list ("n,w" in task 19, "apple,milk" in task 8): MemN2N treats it as a single class.
#include <istream>
#include <string>
#include <vector>

namespace mann {

using BabiTokens = std::vector<std::string>;

struct BabiStory {
  std::vector<BabiTokens> sentences;  // statements only, in file order
};

struct BabiRawQuestion {
  int story = 0;           // index into BabiFile::stories
  int sentence_count = 0;  // statements of that story before the question
  BabiTokens question;
  std::string answer;
  std::vector<int> supporting;  // indices into the story's sentences, all < sentence_count
};

struct BabiFile {
  int task = 0;
  std::vector<BabiStory> stories;
  std::vector<BabiRawQuestion> questions;
};

// Lowercase, whitespace split, trailing '.'/'?' dropped, empty tokens dropped.
BabiTokens tokenize_babi(const std::string& text);

// `source` names the input (file path) in error messages. Throws UserError on a malformed line.
BabiFile parse_babi(std::istream& in, int task, const std::string& source);
BabiFile parse_babi_file(const std::string& path, int task);

}  // namespace mann
