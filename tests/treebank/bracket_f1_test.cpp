// Labelled bracketing F1 (EVALB's definition) on hand-worked trees: the expected numbers are counted by hand
// in the comments.
#include <doctest/doctest.h>

#include "datasets/treebank/bracket_f1.h"
#include "datasets/treebank/bracketed_reader.h"

using namespace mann;

TEST_SUITE_BEGIN("treebank");

namespace {

ParseTree tree_of(const std::string& text) {
  return read_bracketed_trees(text, "test").at(0);
}

// the cat sees a dog in the park: gold attaches "in the park" to the verb phrase.
// Brackets (words 0..7): S[0,8] NP[0,2] VP[2,8] NP[3,5] PP[5,8] NP[6,8] = 6; preterminals do not count.
const char* kGold =
    "(S (NP (DT the) (NN cat)) (VP (VBZ sees) (NP (DT a) (NN dog)) (PP (IN in) (NP (DT the) (NN park)))))";

}  // namespace

TEST_CASE("a perfect parse scores 1, and parts of speech do not count") {
  const BracketCounts c = bracket_counts(tree_of(kGold), tree_of(kGold));
  CHECK(c.gold == 6);
  CHECK(c.predicted == 6);
  CHECK(c.matched == 6);
  CHECK(c.f1() == 1.0);
  // Wrong tags change nothing: S NP VP NP PP NP are still all right.
  const char* retagged =
      "(S (NP (XX the) (XX cat)) (VP (XX sees) (NP (XX a) (XX dog)) (PP (XX in) (NP (XX the) (XX park)))))";
  CHECK(bracket_counts(tree_of(kGold), tree_of(retagged)).f1() == 1.0);
}

TEST_CASE("noun attachment instead of verb attachment: P = 6/7, R = 6/6, F1 = 12/13") {
  // Predicted: S[0,8] NP[0,2] VP[2,8] NP[3,8] NP[3,5] PP[5,8] NP[6,8] = 7 brackets; all but NP[3,8] are gold.
  const char* noun_attached =
      "(S (NP (DT the) (NN cat)) (VP (VBZ sees) (NP (NP (DT a) (NN dog)) (PP (IN in) (NP (DT the) (NN "
      "park))))))";
  const BracketCounts c = bracket_counts(tree_of(kGold), tree_of(noun_attached));
  CHECK(c.matched == 6);
  CHECK(c.gold == 6);
  CHECK(c.predicted == 7);
  CHECK(c.precision() == doctest::Approx(6.0 / 7.0));
  CHECK(c.recall() == doctest::Approx(1.0));
  CHECK(c.f1() == doctest::Approx(12.0 / 13.0));  // 2 * (6/7) * 1 / (6/7 + 1) = 0.923077
}

TEST_CASE("labels must match, duplicates match once, and corpus scores sum counts before dividing") {
  // Gold (S (NP a b) (VP c)) has S[0,3] NP[0,2] VP[2,3]. Predicted (S (VP (VP a b)) (NP c)): S[0,3],
  // VP[0,2] twice, NP[2,3]: only S matches (VP[0,2] has the wrong label; its duplicate matches nothing).
  const ParseTree gold = tree_of("(S (NP (X a) (X b)) (VP (X c)))");
  const BracketCounts c = bracket_counts(gold, tree_of("(S (VP (VP (X a) (X b))) (NP (X c)))"));
  CHECK(c.matched == 1);
  CHECK(c.gold == 3);
  CHECK(c.predicted == 4);
  CHECK(c.f1() == doctest::Approx(2.0 * (1.0 / 4) * (1.0 / 3) / (1.0 / 4 + 1.0 / 3)));  // 2/7
  // Corpus: this sentence plus a perfect one (3 of 3): matched 4, gold 6, predicted 7 -> P 4/7, R 4/6.
  BracketCounts corpus = c;
  corpus += bracket_counts(gold, gold);
  CHECK(corpus.precision() == doctest::Approx(4.0 / 7.0));
  CHECK(corpus.recall() == doctest::Approx(4.0 / 6.0));
  CHECK(corpus.f1() == doctest::Approx(8.0 / 13.0));  // 2 * (4/7) * (2/3) / (4/7 + 2/3)
}

TEST_CASE("an unlabelled root (a repaired output's top) is not a bracket") {
  const ParseTree gold = tree_of("(S (NP (X a)) (VP (X b)))");
  ParseTree flat{"", "", {ParseTree::preterminal("X", "a"), ParseTree::preterminal("X", "b")}};
  const BracketCounts c = bracket_counts(gold, flat);
  CHECK(c.predicted == 0);
  CHECK(c.gold == 3);
  CHECK(c.f1() == 0.0);
}
