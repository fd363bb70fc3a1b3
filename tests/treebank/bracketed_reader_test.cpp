// The Penn-Treebank reader: a small .mrg-style sample (wrapper, function tags, empty elements, several trees
// over several lines) and refusals of malformed input with the line and the reason.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "datasets/treebank/bracketed_reader.h"
#include "datasets/treebank/treebank_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

TEST_SUITE_BEGIN("treebank");

TEST_CASE("a WSJ-style sample reads as trees without function tags and empty elements") {
  const std::string sample = R"(( (S
    (NP-SBJ-1 (NNP Pierre) (NNP Vinken) )
    (VP (MD will)
      (VP (VB join)
        (NP (DT the) (NN board) )
        (S (NP-SBJ (-NONE- *-1) ) (VP (TO to) (VP (VB sleep))))))
    (. .) ))
( (S (NP-SBJ (PRP It)) (VP (VBZ rains)) (. .)) )
(FRAG (NN Yes))
)";
  const std::vector<ParseTree> trees = read_bracketed_trees(sample, "sample.mrg");
  REQUIRE(trees.size() == 3);
  CHECK(
      bracketed_text(trees[0]) ==
      "(S (NP (NNP Pierre) (NNP Vinken)) (VP (MD will) (VP (VB join) (NP (DT the) (NN board)) (S (VP (TO to) "
      "(VP (VB sleep)))))) (. .))");
  CHECK(tree_words(trees[0]).size() == 9);
  CHECK(bracketed_text(trees[1]) == "(S (NP (PRP It)) (VP (VBZ rains)) (. .))");
  CHECK(bracketed_text(trees[2]) == "(FRAG (NN Yes))");
}

TEST_CASE("malformed bracketing is refused with the line and the reason") {
  struct Case {
    const char* text;
    const char* reason;
  };
  for (const Case& c : std::vector<Case>{
           {"(S (NP (DT the) (NN cat))\n(VP (VBZ sleeps))",
            "sample.mrg:1: not a bracketed tree: the bracket opened here is never closed"},
           {"(S (NP (DT the)))\n)",
            "sample.mrg:2: not a bracketed tree: a closing bracket without an opening one"},
           {"the (S (NN cat))", "sample.mrg:1: not a bracketed tree: the word `the` outside any bracket"},
           {"(S ((DT the)))", "sample.mrg:1: not a bracketed tree: a bracket inside a tree has no label"},
           {"(S (NP))", "sample.mrg:1: not a bracketed tree: the bracket `(NP)` has nothing inside"},
           {"( (S (NN a)) (S (NN b)) )",
            "sample.mrg:1: not a bracketed tree: an unlabelled bracket must wrap exactly one tree"},
           {"(S (-NONE- *T*))",
            "sample.mrg:1: not a bracketed tree: a tree without words (only empty elements)"},
       }) {
    CAPTURE(c.text);
    CHECK_THROWS_WITH_AS(read_bracketed_trees(c.text, "sample.mrg"), c.reason, UserError);
  }
}

TEST_CASE("a treebank directory without its files says which are missing") {
  const auto dir = std::filesystem::temp_directory_path() / "mann_treebank_missing_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "train.mrg") << "(S (NN a))\n";
  try {
    load_treebank_files(dir.string(), "--data-dir");
    FAIL("expected a UserError");
  } catch (const UserError& e) {
    const std::string what = e.what();
    CHECK(what.find("lacks valid.mrg test.mrg") != std::string::npos);
    CHECK(what.find("--data-dir") != std::string::npos);
  }
  std::ofstream(dir / "valid.mrg") << "(S (NN b))\n";
  std::ofstream(dir / "test.mrg") << "(S (NN c) (NN d))\n";
  const TreebankSplits s = load_treebank_files(dir.string(), "--data-dir");
  CHECK(s.train.size() == 1);
  CHECK(tree_words(s.test.at(0)).size() == 2);
  std::filesystem::remove_all(dir);
}
