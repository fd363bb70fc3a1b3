#pragma once
// A deterministic generator of longer cloze documents than bAbI's: stories of `min_facts..max_facts`
// facts about people (where they live, what they bought, where they work, whom they met), interleaved
// with sentences about places, every person and place a distractor for the others. The query asks one
// fact in other words than the document ("mary bought the kettle" -> "mary owns the @placeholder"), so
// a reader must match the person across the document rather than copy a phrase. Each person has at most
// one fact of each kind, so the answer is determined by the document.
#include <cstdint>
#include <vector>

#include "datasets/reading/cloze_example.h"
#include "framework/util/rng.h"

namespace mann {

struct StoryGeneratorOptions {
  int min_facts = 6;  // facts per story
  int max_facts = 12;
  float filler_rate = 0.5f;  // chance of a sentence about places after each fact
};

// One anonymised story question drawn from rng (entity numbers permuted per story).
ClozeText generate_story_cloze(const StoryGeneratorOptions& options, Rng& rng);

// Throws UserError unless 1 <= min_facts <= max_facts <= the facts the name lists allow, and filler_rate in
// [0, 1].
void check_story_options(const StoryGeneratorOptions& options);

}  // namespace mann
