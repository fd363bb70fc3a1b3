#include "datasets/treebank/bracket_f1.h"

#include <algorithm>

namespace mann {
namespace {

// Adds t's brackets; returns the number of words under t.
int collect(const ParseTree& t, int start, std::vector<Bracket>& out) {
  if (t.is_word()) return 1;
  int end = start;
  for (const ParseTree& c : t.children) end += collect(c, end, out);
  if (!t.is_preterminal() && !t.label.empty()) out.push_back({t.label, start, end});
  return end - start;
}

}  // namespace

std::vector<Bracket> labelled_brackets(const ParseTree& tree) {
  std::vector<Bracket> out;
  collect(tree, 0, out);
  return out;
}

BracketCounts& BracketCounts::operator+=(const BracketCounts& o) {
  matched += o.matched;
  gold += o.gold;
  predicted += o.predicted;
  return *this;
}

double BracketCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

BracketCounts bracket_counts(const ParseTree& gold, const ParseTree& predicted) {
  std::vector<Bracket> g = labelled_brackets(gold), p = labelled_brackets(predicted);
  std::sort(g.begin(), g.end());
  std::sort(p.begin(), p.end());
  std::vector<Bracket> common;
  std::set_intersection(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(common));  // multiset
  return {static_cast<double>(common.size()), static_cast<double>(g.size()), static_cast<double>(p.size())};
}

}  // namespace mann
