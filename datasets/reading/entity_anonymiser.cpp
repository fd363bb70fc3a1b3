#include "datasets/reading/entity_anonymiser.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

// 0..k-1, shuffled by rng when given.
std::vector<int> numbering(size_t k, Rng* rng) {
  std::vector<int> order(k);
  std::iota(order.begin(), order.end(), 0);
  if (rng)
    for (size_t i = k; i > 1; --i)
      std::swap(order[i - 1], order[static_cast<size_t>(rng->uniform_int(static_cast<int>(i)))]);
  return order;
}

}  // namespace

ClozeText anonymise_entities(const std::vector<std::string>& document, const std::vector<std::string>& query,
                             const std::string& answer, const EntityTest& is_entity, Rng* permute) {
  std::vector<std::string> seen;  // entity words in order of first appearance
  std::map<std::string, size_t> index;
  bool answer_in_document = false;
  for (const std::vector<std::string>* part : {&document, &query})
    for (const std::string& w : *part)
      if (is_entity(w) && index.emplace(w, seen.size()).second) seen.push_back(w);
  for (const std::string& w : document) answer_in_document = answer_in_document || w == answer;
  if (!answer_in_document || !is_entity(answer))
    throw UserError("the answer `" + answer + "` is not an entity of the document");
  const std::vector<int> number = numbering(seen.size(), permute);
  const auto replace = [&](const std::string& w) {
    const auto it = index.find(w);
    return it == index.end() ? w : entity_token(number[it->second]);
  };
  ClozeText out;
  for (const std::string& w : document) out.document.push_back(replace(w));
  for (const std::string& w : query) out.query.push_back(replace(w));
  out.answer = replace(answer);
  out.names.resize(seen.size());
  for (size_t i = 0; i < seen.size(); ++i) out.names[static_cast<size_t>(number[i])] = seen[i];
  return out;
}

ClozeText renumber_entities(const ClozeText& text, Rng& rng) {
  // The numbers in use (a file may skip some), each given a new one from a permutation of 0..k-1.
  std::vector<int> used;
  for (const std::vector<std::string>* part : {&text.document, &text.query})
    for (const std::string& w : *part)
      if (const int n = entity_number(w); n >= 0) used.push_back(n);
  if (const int n = entity_number(text.answer); n >= 0) used.push_back(n);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  const std::vector<int> number = numbering(used.size(), &rng);
  std::map<int, int> renumbered;
  for (size_t i = 0; i < used.size(); ++i) renumbered[used[i]] = number[i];
  const auto replace = [&](const std::string& w) {
    const int n = entity_number(w);
    return n < 0 ? w : entity_token(renumbered.at(n));
  };
  ClozeText out;
  for (const std::string& w : text.document) out.document.push_back(replace(w));
  for (const std::string& w : text.query) out.query.push_back(replace(w));
  out.answer = replace(text.answer);
  out.names.assign(used.size(), "");
  for (size_t i = 0; i < used.size(); ++i)
    if (static_cast<size_t>(used[i]) < text.names.size())
      out.names[static_cast<size_t>(number[i])] = text.names[static_cast<size_t>(used[i])];
  return out;
}

}  // namespace mann
