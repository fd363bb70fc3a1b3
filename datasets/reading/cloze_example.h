#pragma once
// Cloze-style reading comprehension (Hermann et al. 2015): a document, a query with one @placeholder, and
// the answer, an entity of the document. Entities are anonymised (@entity0, @entity1, ...) and renumbered
// per example, so that a model answers from the document, not from what it knows about a name.
#include <string>
#include <vector>

namespace mann {

inline constexpr const char* kPlaceholder = "@placeholder";
inline constexpr const char* kEntityPrefix = "@entity";

// One question in words, entities already anonymised.
struct ClozeText {
  std::vector<std::string> document;
  std::vector<std::string> query;  // holds kPlaceholder once
  std::string answer;              // "@entityN", one of the document's tokens
  std::vector<std::string> names;  // names[N]: the entity @entityN stands for ("" when unknown)
};

// "@entityN" -> N; -1 for any other token.
int entity_number(const std::string& token);
// "@entity" + N.
std::string entity_token(int number);

}  // namespace mann
