#include "datasets/treebank/parse_tree.h"

namespace mann {
namespace {

void collect_words(const ParseTree& t, std::vector<std::string>& out) {
  if (t.is_word()) {
    out.push_back(t.word);
    return;
  }
  for (const ParseTree& c : t.children) collect_words(c, out);
}

void write_bracketed(const ParseTree& t, std::string& out) {
  if (t.is_word()) {
    out += t.word;
    return;
  }
  out += "(" + t.label;
  for (const ParseTree& c : t.children) {
    out += " ";
    write_bracketed(c, out);
  }
  out += ")";
}

}  // namespace

std::vector<std::string> tree_words(const ParseTree& tree) {
  std::vector<std::string> words;
  collect_words(tree, words);
  return words;
}

std::string bracketed_text(const ParseTree& tree) {
  std::string text;
  write_bracketed(tree, text);
  return text;
}

}  // namespace mann
