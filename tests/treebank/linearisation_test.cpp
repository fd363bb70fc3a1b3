// The paper's linearisation (Vinyals et al. 2015) and its inverse: round trips, and the repairs that make a
// decoder's malformed output scorable.
#include <doctest/doctest.h>

#include "datasets/treebank/bracketed_reader.h"
#include "datasets/treebank/linearisation.h"

#include <sstream>

using namespace mann;

TEST_SUITE_BEGIN("treebank");

namespace {

ParseTree tree_of(const std::string& text) {
  return read_bracketed_trees(text, "test").at(0);
}

std::string joined(const std::vector<std::string>& tokens) {
  std::string s;
  for (const std::string& t : tokens) s += (s.empty() ? "" : " ") + t;
  return s;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The tree with every part of speech renamed XX, which is what the linearisation keeps.
ParseTree with_xx_tags(ParseTree t) {
  if (t.is_preterminal()) t.label = kPartOfSpeechToken;
  for (ParseTree& c : t.children) c = with_xx_tags(std::move(c));
  return t;
}

}  // namespace

TEST_CASE("linearise writes the paper's form: labelled closing brackets, parts of speech as XX") {
  const ParseTree t = tree_of("(S (NP (DT the) (NN cat)) (VP (VBZ sees) (NP (DT a) (NN dog))))");
  CHECK(joined(linearise(t)) == "(S (NP XX XX )NP (VP XX (NP XX XX )NP )VP )S");
}

TEST_CASE("tree -> linear -> tree gives the tree back (parts of speech as XX)") {
  for (const char* text :
       {"(S (NP (DT the) (NN cat)) (VP (VBZ sees) (NP (DT a) (NN dog))))",
        "(S (NP (NP (DT the) (NN cat)) (PP (IN of) (NP (DT the) (NN king)))) (VP (VBZ sleeps)))",
        "(S (S (NP (NN it)) (VP (VBZ rains))) (CC and) (S (NP (NN it)) (VP (VBZ pours))))", "(NP (NN x))"}) {
    CAPTURE(text);
    const ParseTree t = tree_of(text);
    const Delinearised back = delinearise(linearise(t), tree_words(t));
    CHECK(back.well_formed);
    CHECK(back.problem.empty());
    CHECK(back.tree == with_xx_tags(t));
  }
}

TEST_CASE("malformed outputs are flagged and repaired to a tree over exactly the sentence's words") {
  const std::vector<std::string> words = {"the", "cat", "sleeps"};
  struct Case {
    const char* tokens;
    const char* repaired;  // bracketed, parts of speech XX
    const char* problem;
  };
  for (const Case& c : std::vector<Case>{
           {"(S (NP XX XX )NP (VP XX )VP", "(S (NP (XX the) (XX cat)) (VP (XX sleeps)))",
            "brackets left open"},
           {"(S (NP XX XX )NP (VP XX )VP )S )S", "(S (NP (XX the) (XX cat)) (VP (XX sleeps)))",
            "tokens after the root phrase closed"},
           {"(S (NP XX XX )PP )NP (VP XX )VP )S", "(S (NP (XX the) (XX cat)) (VP (XX sleeps)))",
            "`)PP` closes no open phrase"},
           {"(S (NP XX XX (VP XX )NP )S", "(S (NP (XX the) (XX cat) (VP (XX sleeps))))",
            "`)NP` closes inner phrases too"},
           {"(S (NP XX XX XX XX )NP )S", "(S (NP (XX the) (XX cat) (XX sleeps)))", "more XX than words"},
           {"(S (NP XX )NP )S", "(S (NP (XX the)) (XX cat) (XX sleeps))", "fewer XX than words"},
           {"", "( (XX the) (XX cat) (XX sleeps))", "no phrase"},
       }) {
    CAPTURE(c.tokens);
    const Delinearised d = delinearise(split(c.tokens), words);
    CHECK_FALSE(d.well_formed);
    CHECK(d.problem == c.problem);
    CHECK(bracketed_text(d.tree) == c.repaired);
    CHECK(tree_words(d.tree) == words);
  }
}
