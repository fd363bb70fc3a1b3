// The grammar file format, the treebank generator's determinism, and that the shipped grammar's trees are
// decidable from the words (so the reachable F1 is 100).
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "datasets/treebank/grammar.h"
#include "datasets/treebank/linearisation.h"
#include "datasets/treebank/treebank_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

TEST_SUITE_BEGIN("treebank");

namespace {

Grammar english() {
  return Grammar::parse(builtin_english_grammar(), "english.pcfg");
}

// The first word-class sequence (Grammar::word_class of each word) that `draws` sentences show with two
// different trees, or "" when every one has one tree. Words of a class are interchangeable in the grammar,
// so comparing class sequences finds ambiguities that exact word strings would rarely repeat often enough
// to show.
std::string first_ambiguity(const Grammar& g, uint64_t seed, int draws, int max_words) {
  Rng rng(seed);
  std::map<std::vector<std::string>, std::vector<std::string>> tree_of_classes;
  for (int i = 0; i < draws; ++i) {
    const std::optional<ParseTree> t = g.generate(rng, max_words);
    if (!t) continue;
    std::vector<std::string> classes;
    for (const std::string& w : tree_words(*t)) classes.push_back(g.word_class(w));
    const auto [it, added] = tree_of_classes.emplace(classes, linearise(*t));
    if (!added && it->second != linearise(*t)) return bracketed_text(*t);
  }
  return "";
}

}  // namespace

TEST_CASE("the grammar format: alternatives, weights, continuation lines, helpers and ~ labels") {
  const Grammar g = Grammar::parse(
      "# comment\nS -> NP~a VP @2 # trailing comment\nNP~a -> _det N\n_det -> the | <empty> @0.5\n"
      "N -> cat\n  | dog\nVP -> sleeps\n",
      "t.pcfg");
  CHECK(g.words() == std::vector<std::string>{"the", "cat", "dog", "sleeps"});
  CHECK(g.word_class("the") == "_det");
  Rng rng(3);
  for (int i = 0; i < 20; ++i) {
    const std::string t = bracketed_text(*g.generate(rng, 10));
    CHECK((t == "(S (NP the (N cat)) (VP sleeps))" || t == "(S (NP the (N dog)) (VP sleeps))" ||
           t == "(S (NP (N cat)) (VP sleeps))" || t == "(S (NP (N dog)) (VP sleeps))"));
  }
}

TEST_CASE("grammar files with mistakes are refused with the line") {
  CHECK_THROWS_WITH_AS(Grammar::parse("S -> a\nB c\n", "g.pcfg"),
                       "g.pcfg:2: expected `SYMBOL -> alternatives` or a continuation line starting with `|`",
                       UserError);
  CHECK_THROWS_WITH_AS(Grammar::parse("S -> a @x\n", "g.pcfg"), "g.pcfg:1: bad weight `@x`", UserError);
  CHECK_THROWS_WITH_AS(Grammar::parse("S -> a @-1\n", "g.pcfg"), "g.pcfg:1: weight `@-1` must be positive",
                       UserError);
  CHECK_THROWS_WITH_AS(Grammar::parse("S -> a | | b\n", "g.pcfg"),
                       "g.pcfg:1: an empty alternative (write <empty> for one with no symbols)", UserError);
  CHECK_THROWS_WITH_AS(Grammar::parse("S -> _np\n", "g.pcfg"),
                       "g.pcfg: `_np` looks like a nonterminal but has no rule", UserError);
  CHECK_THROWS_WITH_AS(Grammar::parse("| a\n", "g.pcfg"),
                       "g.pcfg:1: a continuation line `| ...` before any rule", UserError);
}

TEST_CASE("the generated treebank is the same for the same seed, distinct across splits, within lengths") {
  const Grammar g = english();
  const GeneratedTreebankOptions o{
      .train_sentences = 300, .valid_sentences = 50, .test_sentences = 50, .seed = 7};
  const TreebankSplits a = generate_treebank(g, o, {3, 20}, {3, 30});
  const TreebankSplits b = generate_treebank(g, o, {3, 20}, {3, 30});
  CHECK(a.train == b.train);
  CHECK(a.test == b.test);
  GeneratedTreebankOptions other = o;
  other.seed = 8;
  CHECK(generate_treebank(g, other, {3, 20}, {3, 30}).train != a.train);
  std::set<std::vector<std::string>> sentences;
  for (const auto* split : {&a.train, &a.valid, &a.test})
    for (const ParseTree& t : *split) sentences.insert(tree_words(t));
  CHECK(sentences.size() == 400);
  for (const ParseTree& t : a.train) CHECK(tree_words(t).size() <= 20);
  for (const ParseTree& t : a.test) CHECK(tree_words(t).size() <= 30);
}

TEST_CASE(
    "the shipped grammar's trees are decidable from the words; the check catches an ambiguous grammar") {
  const Grammar g = english();
  // 20,000 sentences of up to 60 words: no word-class sequence has two trees (reachable F1: 100).
  CHECK(first_ambiguity(g, 1, 20000, 60) == "");
  // The classic PP-attachment ambiguity (NP -> NP PP with any NP inside) is found.
  const Grammar ambiguous = Grammar::parse(
      "S -> NP VP\nNP -> DT NN @3 | NP PP\nPP -> IN NP\nVP -> VB NP @2 | VP PP\nDT -> the\nNN -> cat | hill\n"
      "IN -> on\nVB -> sees\n",
      "ambiguous.pcfg");
  CHECK(first_ambiguity(ambiguous, 1, 20000, 30) != "");
}

TEST_CASE("the shipped grammar reaches sentences of 50-60 words") {
  const Grammar g = english();
  Rng rng(2);
  int longest = 0;
  for (int i = 0; i < 20000; ++i)
    if (const auto t = g.generate(rng, 60))
      longest = std::max(longest, static_cast<int>(tree_words(*t).size()));
  CHECK(longest >= 50);
}
