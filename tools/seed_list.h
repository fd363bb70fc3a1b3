#pragma once
// `--seeds` of `mann compare` and `mann sweep`: one syntax and one default for both.
#include <string>
#include <vector>

namespace mann {

// Three seeds unless told otherwise: enough to see the spread between runs, few enough for a first look.
inline constexpr const char* kDefaultSeeds = "3";

// "N": seeds 1..N; "A-B": seeds A..B; "A,B,C": those seeds (items may be ranges: "1,4-6"). Seeds are
// positive, listed once, and kept in the order given. po::error naming the text when it is none of these.
std::vector<int> parse_seeds(const std::string& text);

}  // namespace mann
