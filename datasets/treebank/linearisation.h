#pragma once
// The linearised trees of "Grammar as a Foreign Language" (Vinyals et al. 2015): a depth-first walk that
// writes `(L` on entering a phrase, `)L` on leaving it and XX for every part of speech (the words are the
// input, so the output need not repeat them):
//
//   (S (NP (DT the) (NN cat)) (VP (VBZ sleeps)))  ->  (S (NP XX XX )NP (VP XX )VP )S
//
// and back. A decoder's output need not be a tree; delinearise() repairs it for scoring and says whether it
// had to (the paper counts such outputs: 1.5% on WSJ).
#include <string>
#include <vector>

#include "datasets/treebank/parse_tree.h"

namespace mann {

inline constexpr const char* kPartOfSpeechToken = "XX";

// The tokens of a tree (no end token). A word directly under a phrase (no part of speech) is an XX too.
std::vector<std::string> linearise(const ParseTree& tree);

struct Delinearised {
  ParseTree tree;           // over `words`, every part of speech XX
  bool well_formed = true;  // false: the tokens needed repair
  std::string problem;      // the first repair made, for messages ("" when well-formed)
};

// The tree of linearised tokens over a sentence's words. Well-formed tokens are exactly one bracketed phrase
// whose brackets nest with matching labels and whose XX count equals the number of words. Anything else is
// repaired, in this order: a closing bracket that matches no open one is dropped; one that matches an outer
// open bracket closes the inner ones too; an XX beyond the sentence is dropped; tokens after the root
// closes and unknown tokens are dropped; brackets still open at the end are closed; missing XX are appended
// to the root. Several top-level phrases (or none) sit under an unlabelled root, which scoring ignores.
Delinearised delinearise(const std::vector<std::string>& tokens, const std::vector<std::string>& words);

}  // namespace mann
