#pragma once
// A probabilistic context-free grammar read from a text file, which generates sentences with their trees
// (the treebank dataset's corpus). The file format (datasets/treebank/grammar/english.pcfg is an example):
//
//   # a comment, to the end of the line
//   S     -> NP VP @4 | S~c _more_clauses       (alternatives separated by |, each with an optional weight)
//   NN    -> cat | dog | bird                   (a part of speech: every alternative is one word)
//         |  horse | fish                       (a line that starts with | continues the rule above)
//   _adjs -> <empty> @3 | JJ _adjs              (<empty>: the alternative with no symbols)
//
// - The left-hand side of the first rule is the start symbol. A symbol that is the left-hand side of some
//   rule is a nonterminal; any other symbol is a word.
// - A nonterminal becomes a bracket labelled with its name up to the first `~` (S~c is printed S), so that
//   differently-behaved symbols can share a label; a nonterminal whose name begins with `_` is a helper,
//   whose children are spliced into its parent (no bracket of its own: lists and optional parts).
// - Weights (after @, default 1) are relative within one left-hand side; alternatives are drawn in
//   proportion to them.
// Problems (a line without `->`, a bad weight, a word that looks like a nonterminal) are UserErrors naming
// the origin and the line.
#include <optional>
#include <string>
#include <vector>

#include "datasets/treebank/parse_tree.h"
#include "framework/util/rng.h"

namespace mann {

class Grammar {
 public:
  static Grammar parse(const std::string& text, const std::string& origin);
  static Grammar load(const std::string& path);

  // A sentence's tree, or nothing when the sentence would exceed `max_words` words or nest beyond a
  // safety depth (the caller draws again).
  std::optional<ParseTree> generate(Rng& rng, int max_words) const;
  // Every word of the grammar, in order of first appearance.
  std::vector<std::string> words() const;
  // The symbols that can write `word` directly, joined by | in grammar order ("IN~c|WDT" for `that`): words
  // of one class are interchangeable, so a tree must be decidable from the sequence of its words' classes.
  std::string word_class(const std::string& word) const;

 private:
  struct Alternative {
    std::vector<int> symbols;
    float weight = 1;
  };
  struct Symbol {
    std::string name;
    std::string label;  // name up to the first ~
    bool helper = false;
    std::vector<Alternative> alternatives;  // empty for a word
    float total_weight = 0;
  };
  int symbol_id(const std::string& name);
  bool expand(int symbol, Rng& rng, int depth, int max_words, int& words, std::vector<ParseTree>& out) const;

  std::vector<Symbol> symbols_;  // [0]: the start symbol
};

// The grammar shipped with mann (datasets/treebank/grammar/english.pcfg, compiled in).
const std::string& builtin_english_grammar();

}  // namespace mann
