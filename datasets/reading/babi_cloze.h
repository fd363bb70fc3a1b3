#pragma once
// bAbI questions as cloze questions over anonymised entities: the story's statements before the question
// are the document (each followed by "."), the question becomes a query with @placeholder, and names,
// objects and places become @entityN.
//
// bAbI marks no entities, so the entities of a task file are found by rule: every one-word answer of the
// file, the first word of a statement (the subject: a name, "mary moved to the bathroom") and the word after
// "the" ("the bathroom", "the football"), less function words. Queries:
//   where <aux> <rest>  ->  <rest> <aux> in @placeholder     (where is mary -> mary is in @placeholder)
//   who/what/which ...  ->  the wh-word replaced by @placeholder
// A question whose answer is not an entity of its document (yes/no, counts, lists, a word the story never
// says) has no cloze form and is skipped.
#include <set>
#include <string>
#include <vector>

#include "datasets/babi/babi_parser.h"
#include "datasets/reading/cloze_example.h"
#include "framework/util/rng.h"

namespace mann {

// The entity words of a parsed task file, by the rules above.
std::set<std::string> babi_entity_words(const BabiFile& file);

// The cloze query of a bAbI question (tokens as the parser gives them).
std::vector<std::string> babi_cloze_query(const std::vector<std::string>& question);

struct BabiClozes {
  std::vector<ClozeText> questions;
  int skipped = 0;  // questions without a cloze form
};

// Every question of `file` with a cloze form; the document keeps the last `memory_size` statements.
// Entity numbers are permuted per question with `rng`.
BabiClozes babi_clozes(const BabiFile& file, int memory_size, Rng& rng);

}  // namespace mann
