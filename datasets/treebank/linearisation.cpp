#include "datasets/treebank/linearisation.h"

namespace mann {
namespace {

void write_tokens(const ParseTree& t, std::vector<std::string>& out) {
  if (t.is_word() || t.is_preterminal()) {
    out.push_back(kPartOfSpeechToken);
    return;
  }
  out.push_back("(" + t.label);
  for (const ParseTree& c : t.children) write_tokens(c, out);
  out.push_back(")" + t.label);
}

bool is_bracket(const std::string& token, char bracket) {
  return token.size() > 1 && token.front() == bracket;
}

// Builds the tree token by token, noting the first repair.
class TreeBuilder {
 public:
  explicit TreeBuilder(const std::vector<std::string>& words) : words_(words) { open_.emplace_back(); }

  void add(const std::string& token) {
    if (root_closed_) return repair("tokens after the root phrase closed");
    if (token == kPartOfSpeechToken) {
      if (used_ == words_.size()) return repair("more XX than words");
      if (open_.size() == 1) repair("an XX outside any phrase");
      open_.back().children.push_back(ParseTree::preterminal(kPartOfSpeechToken, words_[used_++]));
    } else if (is_bracket(token, '(')) {
      open_.push_back(ParseTree{token.substr(1), "", {}});
    } else if (is_bracket(token, ')')) {
      close(token.substr(1));
    } else {
      repair("an unknown token `" + token + "`");
    }
  }

  Delinearised finish() {
    if (open_.size() > 1) repair("brackets left open");
    while (open_.size() > 1) close_innermost();
    ParseTree& top = open_.front();
    const bool one_root = top.children.size() == 1 && !top.children.front().is_preterminal();
    if (!one_root) repair(top.children.empty() ? "no phrase" : "more than one top-level phrase");
    if (used_ < words_.size()) repair("fewer XX than words");
    ParseTree& pad_into = one_root ? top.children.front() : top;
    while (used_ < words_.size())
      pad_into.children.push_back(ParseTree::preterminal(kPartOfSpeechToken, words_[used_++]));
    return {one_root ? std::move(top.children.front()) : std::move(top), problem_.empty(), problem_};
  }

 private:
  void repair(const std::string& what) {
    if (problem_.empty()) problem_ = what;
  }

  void close(const std::string& label) {
    size_t i = open_.size();
    while (i > 1 && open_[i - 1].label != label) --i;
    if (i == 1) return repair("`)" + label + "` closes no open phrase");
    if (i != open_.size()) repair("`)" + label + "` closes inner phrases too");
    while (open_.size() >= i) close_innermost();
  }

  void close_innermost() {
    ParseTree done = std::move(open_.back());
    open_.pop_back();
    open_.back().children.push_back(std::move(done));
    if (open_.size() == 1) root_closed_ = true;
  }

  const std::vector<std::string>& words_;
  std::vector<ParseTree> open_;  // [0]: the unlabelled top; then the open phrases, outermost first
  size_t used_ = 0;              // words placed so far
  bool root_closed_ = false;
  std::string problem_;
};

}  // namespace

std::vector<std::string> linearise(const ParseTree& tree) {
  std::vector<std::string> tokens;
  write_tokens(tree, tokens);
  return tokens;
}

Delinearised delinearise(const std::vector<std::string>& tokens, const std::vector<std::string>& words) {
  TreeBuilder builder(words);
  for (const std::string& t : tokens) builder.add(t);
  return builder.finish();
}

}  // namespace mann
