#include "datasets/treebank/bracketed_reader.h"

#include <fstream>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

constexpr int kMaxDepth = 1000;  // deeper nesting is refused rather than risking the stack

struct Token {
  std::string text;  // "(", ")" or a label/word
  int line = 0;
};

std::vector<Token> tokens_of(const std::string& text) {
  std::vector<Token> out;
  int line = 1;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({std::string(1, c), line});
      ++i;
    } else {
      size_t j = i;
      while (j < text.size() && text[j] != '(' && text[j] != ')' &&
             !std::isspace(static_cast<unsigned char>(text[j])))
        ++j;
      out.push_back({text.substr(i, j - i), line});
      i = j;
    }
  }
  return out;
}

class Reader {
 public:
  Reader(std::vector<Token> tokens, std::string origin)
      : tokens_(std::move(tokens)), origin_(std::move(origin)) {}

  std::vector<ParseTree> trees() {
    std::vector<ParseTree> out;
    while (next_ < tokens_.size()) {
      const Token& t = tokens_[next_];
      if (t.text == ")") fail(t.line, "a closing bracket without an opening one");
      if (t.text != "(") fail(t.line, "the word `" + t.text + "` outside any bracket");
      const int line = t.line;
      ParseTree tree = node(0);
      if (tree.label.empty()) {  // the ( (S ...) ) wrapper
        if (tree.children.size() != 1 || tree.children.front().is_word())
          fail(line, "an unlabelled bracket must wrap exactly one tree");
        tree = std::move(tree.children.front());
      }
      if (!drop_empty_elements(tree)) fail(line, "a tree without words (only empty elements)");
      out.push_back(std::move(tree));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(int line, const std::string& why) const {
    throw UserError(origin_ + ":" + std::to_string(line) + ": not a bracketed tree: " + why);
  }

  // The node whose "(" is tokens_[next_].
  ParseTree node(int depth) {
    const int line = tokens_[next_].line;
    if (depth > kMaxDepth) fail(line, "brackets nested deeper than " + std::to_string(kMaxDepth));
    ++next_;
    ParseTree t;
    if (next_ < tokens_.size() && tokens_[next_].text != "(" && tokens_[next_].text != ")")
      t.label = plain_label(tokens_[next_++].text);
    else if (depth > 0)
      fail(line, "a bracket inside a tree has no label");
    while (true) {
      if (next_ >= tokens_.size()) fail(line, "the bracket opened here is never closed");
      const Token& c = tokens_[next_];
      if (c.text == ")") break;
      if (c.text == "(")
        t.children.push_back(node(depth + 1));
      else {
        t.children.push_back(ParseTree::leaf(c.text));
        ++next_;
      }
    }
    ++next_;  // ")"
    if (t.children.empty()) fail(line, "the bracket `(" + t.label + ")` has nothing inside");
    return t;
  }

  // NP-SBJ-1 -> NP, NP=2 -> NP; labels that begin with '-' (-NONE-, -LRB-) are kept whole.
  static std::string plain_label(const std::string& label) {
    if (label.empty() || label.front() == '-') return label;
    return label.substr(0, label.find_first_of("-=", 1));
  }

  // Removes -NONE- preterminals and phrases left without words; false if `t` itself has none.
  static bool drop_empty_elements(ParseTree& t) {
    if (t.is_word()) return true;
    if (t.is_preterminal()) return t.label != "-NONE-";
    std::vector<ParseTree> kept;
    for (ParseTree& c : t.children)
      if (drop_empty_elements(c)) kept.push_back(std::move(c));
    t.children = std::move(kept);
    return !t.children.empty();
  }

  std::vector<Token> tokens_;
  std::string origin_;
  size_t next_ = 0;
};

}  // namespace

std::vector<ParseTree> read_bracketed_trees(const std::string& text, const std::string& origin) {
  return Reader(tokens_of(text), origin).trees();
}

std::vector<ParseTree> read_bracketed_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UserError("cannot read bracketed trees from " + path);
  std::stringstream text;
  text << in.rdbuf();
  return read_bracketed_trees(text.str(), path);
}

}  // namespace mann
