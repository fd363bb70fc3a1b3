#pragma once
// A constituency tree as treebanks write it: phrases (S, NP, ...) over parts of speech (DT, NN, ...) over
// words. `(S (NP (DT the) (NN cat)) (VP (VBZ sleeps)))` is an S node with two phrase children; (DT the) is a
// preterminal whose one child is the word leaf "the".
#include <string>
#include <vector>

namespace mann {

struct ParseTree {
  std::string label;  // phrase or part-of-speech label; empty for a word leaf (and an unlabelled root)
  std::string word;   // a word leaf's word
  std::vector<ParseTree> children;  // none for a word leaf

  // A word leaf.
  static ParseTree leaf(std::string word) { return {"", std::move(word), {}}; }
  // A part of speech over one word: (label word).
  static ParseTree preterminal(std::string label, std::string word) {
    return {std::move(label), "", {leaf(std::move(word))}};
  }

  bool is_word() const { return children.empty(); }
  bool is_preterminal() const { return children.size() == 1 && children.front().is_word(); }
  bool operator==(const ParseTree&) const = default;
};

// The words at the leaves, left to right.
std::vector<std::string> tree_words(const ParseTree& tree);

// Penn-Treebank bracketing on one line: `(S (NP (DT the) (NN cat)) (VP (VBZ sleeps)))`.
std::string bracketed_text(const ParseTree& tree);

}  // namespace mann
