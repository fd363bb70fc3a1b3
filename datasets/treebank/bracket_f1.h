#pragma once
// Labelled bracketing scores as EVALB defines them (Sekine & Collins 1997): a tree's brackets are its
// labelled constituents (label, first word, one past the last word), preterminals (parts of speech) and the
// unlabelled root excluded; a predicted bracket is right if the gold tree has the same one (as multisets:
// each gold bracket matches at most once). Precision = matched / predicted, recall = matched / gold, summed
// over a corpus before dividing. Unlike EVALB's usual parameter file, punctuation is not deleted and no
// labels are merged (ADVP/PRT).
#include <string>
#include <tuple>
#include <vector>

#include "datasets/treebank/parse_tree.h"

namespace mann {

struct Bracket {
  std::string label;
  int start = 0;  // first word
  int end = 0;    // one past the last word
  auto operator<=>(const Bracket&) const = default;
};

// The brackets of a tree (preterminals and an unlabelled root excluded), in no particular order.
std::vector<Bracket> labelled_brackets(const ParseTree& tree);

struct BracketCounts {
  double matched = 0;
  double gold = 0;
  double predicted = 0;

  BracketCounts& operator+=(const BracketCounts& o);
  // 1 when there was nothing to predict (both counts zero), as EVALB scores an empty sentence.
  double precision() const { return predicted > 0 ? matched / predicted : (gold > 0 ? 0 : 1); }
  double recall() const { return gold > 0 ? matched / gold : (predicted > 0 ? 0 : 1); }
  double f1() const;
};

// The counts of one sentence's prediction against its gold tree (both over the same words).
BracketCounts bracket_counts(const ParseTree& gold, const ParseTree& predicted);

}  // namespace mann
