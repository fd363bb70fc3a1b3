#include "datasets/treebank/grammar.h"

#include <fstream>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

constexpr int kMaxDepth = 200;  // a guard against a grammar whose expected size is infinite

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

int Grammar::symbol_id(const std::string& name) {
  for (size_t i = 0; i < symbols_.size(); ++i)
    if (symbols_[i].name == name) return static_cast<int>(i);
  Symbol s;
  s.name = name;
  s.label = name.substr(0, name.find('~'));
  s.helper = name.front() == '_';
  symbols_.push_back(std::move(s));
  return static_cast<int>(symbols_.size()) - 1;
}

Grammar Grammar::parse(const std::string& text, const std::string& origin) {
  Grammar g;
  std::istringstream lines(text);
  int line_number = 0, current = -1;
  std::vector<int> rule_line;  // per symbol: the line of its first rule (0: a word)
  const auto fail = [&](const std::string& why) -> void {
    throw UserError(origin + ":" + std::to_string(line_number) + ": " + why);
  };
  for (std::string line; std::getline(lines, line);) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    if (split_words(line).empty()) continue;
    std::string body;
    const size_t arrow = line.find("->");
    if (arrow != std::string::npos) {
      const std::vector<std::string> lhs = split_words(line.substr(0, arrow));
      if (lhs.size() != 1) fail("a rule has one symbol before `->`");
      current = g.symbol_id(lhs.front());
      rule_line.resize(g.symbols_.size(), 0);
      if (rule_line[static_cast<size_t>(current)] == 0) rule_line[static_cast<size_t>(current)] = line_number;
      body = line.substr(arrow + 2);
    } else if (split_words(line).front().front() == '|') {
      if (current < 0) fail("a continuation line `| ...` before any rule");
      body = line.substr(line.find('|') + 1);
    } else {
      fail("expected `SYMBOL -> alternatives` or a continuation line starting with `|`");
    }
    std::istringstream alternatives(body);
    for (std::string alt_text; std::getline(alternatives, alt_text, '|');) {
      std::vector<std::string> parts = split_words(alt_text);
      Alternative alt;
      if (!parts.empty() && parts.back().front() == '@') {
        try {
          size_t used = 0;
          alt.weight = std::stof(parts.back().substr(1), &used);
          if (used + 1 != parts.back().size()) throw std::invalid_argument("trailing text");
        } catch (const std::exception&) {
          fail("bad weight `" + parts.back() + "`");
        }
        if (!(alt.weight > 0)) fail("weight `" + parts.back() + "` must be positive");
        parts.pop_back();
      }
      if (parts.empty()) fail("an empty alternative (write <empty> for one with no symbols)");
      if (!(parts.size() == 1 && parts.front() == "<empty>"))
        for (const std::string& p : parts) alt.symbols.push_back(g.symbol_id(p));
      Symbol& s = g.symbols_[static_cast<size_t>(current)];
      s.alternatives.push_back(std::move(alt));
      s.total_weight += s.alternatives.back().weight;
    }
  }
  if (g.symbols_.empty()) throw UserError(origin + ": the grammar has no rules");
  if (g.symbols_.front().helper)
    throw UserError(origin + ": the start symbol `" + g.symbols_.front().name + "` cannot be a helper (_)");
  for (const Symbol& s : g.symbols_)
    if (s.alternatives.empty() && (s.helper || s.name.find('~') != std::string::npos))
      throw UserError(origin + ": `" + s.name + "` looks like a nonterminal but has no rule");
  return g;
}

Grammar Grammar::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UserError("cannot read the grammar file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

bool Grammar::expand(int id, Rng& rng, int depth, int max_words, int& words,
                     std::vector<ParseTree>& out) const {
  const Symbol& s = symbols_[static_cast<size_t>(id)];
  if (s.alternatives.empty()) {
    out.push_back(ParseTree::leaf(s.name));
    return ++words <= max_words;
  }
  if (depth > kMaxDepth) return false;
  float pick = rng.uniform() * s.total_weight;
  size_t a = 0;
  while (a + 1 < s.alternatives.size() && pick >= s.alternatives[a].weight)
    pick -= s.alternatives[a++].weight;
  std::vector<ParseTree> local;
  std::vector<ParseTree>& children = s.helper ? out : local;
  for (int child : s.alternatives[a].symbols)
    if (!expand(child, rng, depth + 1, max_words, words, children)) return false;
  if (!s.helper && !local.empty())
    out.push_back(ParseTree{s.label, "", std::move(local)});  // no empty brackets
  return true;
}

std::optional<ParseTree> Grammar::generate(Rng& rng, int max_words) const {
  std::vector<ParseTree> out;
  int words = 0;
  if (!expand(0, rng, 0, max_words, words, out) || words == 0) return std::nullopt;
  return std::move(out.front());
}

std::vector<std::string> Grammar::words() const {
  std::vector<std::string> out;
  for (const Symbol& s : symbols_)
    if (s.alternatives.empty()) out.push_back(s.name);
  return out;
}

std::string Grammar::word_class(const std::string& word) const {
  std::string out;
  for (const Symbol& s : symbols_)
    for (const Alternative& a : s.alternatives)
      if (a.symbols.size() == 1 && symbols_[static_cast<size_t>(a.symbols.front())].name == word &&
          symbols_[static_cast<size_t>(a.symbols.front())].alternatives.empty()) {
        out += (out.empty() ? "" : "|") + s.name;
        break;
      }
  return out;
}

}  // namespace mann
