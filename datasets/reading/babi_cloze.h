#pragma once
// bAbI questions as cloze questions over anonymised entities: the story's statements before the question
// are the document, the question becomes a query with @placeholder, and names, objects and places become
// @entityN, numbered afresh for each question.
//
// bAbI marks no entities, so the entities of a task file are found by rule: every one-word answer of the
// file, the first word of a statement (the subject: a name, "mary moved to the bathroom") and the word after
// "the" ("the bathroom", "the football"), less function words. Queries:
//   where <aux> <rest>  ->  <rest> <aux> in @placeholder     (where is mary -> mary is in @placeholder)
//   who/what/which ...  ->  the wh-word replaced by @placeholder
// A question whose answer is not an entity of its document (yes/no, counts, lists, a word the story never
// says) has no cloze form and is dropped.
//
// The anonymised questions stay a bAbI file (each question with a story of its own), so the readers and
// MemN2N (through build_babi_dataset) read the same questions with the same validation split.
#include <set>
#include <string>
#include <vector>

#include "datasets/babi/babi_dataset.h"
#include "datasets/babi/babi_parser.h"
#include "datasets/reading/cloze_example.h"
#include "framework/util/rng.h"

namespace mann {

// The entity words of a parsed task file, by the rules above.
std::set<std::string> babi_entity_words(const BabiFile& file);

// The cloze query of a bAbI question (tokens as the parser gives them).
std::vector<std::string> babi_cloze_query(const std::vector<std::string>& question);

struct AnonymisedBabi {
  BabiFile file;    // one story per question: its last `memory_size` statements, anonymised
  int skipped = 0;  // questions without a cloze form
};

// Every question of `file` with a cloze form, entities numbered by a permutation drawn from rng per question;
// supporting facts follow their statements.
AnonymisedBabi anonymise_babi_file(const BabiFile& file, int memory_size, Rng& rng);

// An encoded (anonymised) bAbI question as cloze text: statements each followed by ".", the query, the
// answer.
ClozeText babi_example_as_cloze(const BabiExample& example, const Vocabulary& vocab);

}  // namespace mann
