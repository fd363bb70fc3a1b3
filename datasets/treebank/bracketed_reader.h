#pragma once
// Reads Penn-Treebank-style bracketed trees (`.mrg` files and the like): any number of trees, each
// `(LABEL child ...)` where a child is a tree or a word, separated by white space and newlines. What a parser
// is scored on is kept and the rest dropped, as treebank parsing papers do:
//   - an unlabelled outer wrapper `( (S ...) )` is removed;
//   - function tags and indices are stripped from labels (NP-SBJ-1 -> NP, NP=2 -> NP; -NONE-, -LRB- kept
//     as labels);
//   - empty elements (-NONE- preterminals) are removed, and with them any phrase left without words.
// Malformed input (an unclosed or unopened bracket, a word outside any bracket, a bracket without a label
// where one is needed, a tree with no words) is refused with a UserError naming the origin, the line and why.
#include <string>
#include <vector>

#include "datasets/treebank/parse_tree.h"

namespace mann {

// Trees of a bracketed text; `origin` (a file name) prefixes error messages.
std::vector<ParseTree> read_bracketed_trees(const std::string& text, const std::string& origin);

// Trees of a bracketed file; UserError when it cannot be read.
std::vector<ParseTree> read_bracketed_file(const std::string& path);

}  // namespace mann
