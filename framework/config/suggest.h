#pragma once
// "Did you mean ...?" support: edit distance between a mistyped name and the valid ones.
#include <string>
#include <string_view>
#include <vector>

namespace mann {

// Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions, substitutions
// and transpositions of adjacent characters each cost 1, so the common typo `hosp` -> `hops` costs 1.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" if none is close enough. Close enough means a distance of at most
// max(2, |word|/3) and strictly less than |word| (so a two-letter word never "matches" any other two-letter
// word). Ties go to the earliest candidate, so callers control preference by ordering.
std::string nearest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mann
