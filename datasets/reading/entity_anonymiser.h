#pragma once
// Anonymisation of a cloze question's entities (Hermann et al. 2015, sec. 3): every entity word becomes
// @entityN, the same word the same N within an example, and the numbers are drawn afresh for each example
// (a random permutation of 0..k-1 over its k entities), so the ids carry no meaning across examples.
#include <functional>
#include <string>
#include <vector>

#include "datasets/reading/cloze_example.h"
#include "framework/util/rng.h"

namespace mann {

// Which tokens are entities.
using EntityTest = std::function<bool(const std::string& token)>;

// The question with every entity token of document, query and answer replaced. Numbers follow the order of
// first appearance in the document (then the query) when `permute` is null, else a random permutation drawn
// from it. Throws UserError when the answer is not an entity of the document.
ClozeText anonymise_entities(const std::vector<std::string>& document, const std::vector<std::string>& query,
                             const std::string& answer, const EntityTest& is_entity, Rng* permute);

// An already anonymised question (the rc-data files) renumbered by a random permutation drawn from `rng`;
// `names` follow their entities.
ClozeText renumber_entities(const ClozeText& text, Rng& rng);

}  // namespace mann
