#include "tools/seed_list.h"

#include <algorithm>
#include <cstdlib>

#include "tools/cli_support.h"

namespace mann {
namespace {

[[noreturn]] void bad_seeds(const std::string& text, const std::string& why) {
  throw po::error("--seeds `" + text + "`: " + why +
                  " (give a count N for seeds 1..N, a range A-B, or a list A,B,C)");
}

int parse_seed(const std::string& item, const std::string& text) {
  char* end = nullptr;
  const long value = std::strtol(item.c_str(), &end, 10);
  if (item.empty() || *end != '\0') bad_seeds(text, "`" + item + "` is not a number");
  if (value <= 0 || value > 1000000) bad_seeds(text, "seeds are positive");
  return static_cast<int>(value);
}

}  // namespace

std::vector<int> parse_seeds(const std::string& text) {
  if (text.find_first_of(",-") == std::string::npos) {  // a count
    std::vector<int> seeds(static_cast<size_t>(parse_seed(text, text)));
    for (size_t i = 0; i < seeds.size(); ++i) seeds[i] = static_cast<int>(i) + 1;
    return seeds;
  }
  std::vector<int> seeds;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    const size_t dash = item.find('-');
    const int first = parse_seed(item.substr(0, dash), text);
    const int last = dash == std::string::npos ? first : parse_seed(item.substr(dash + 1), text);
    if (last < first) bad_seeds(text, "the range `" + item + "` is empty");
    for (int seed = first; seed <= last; ++seed) {
      if (std::find(seeds.begin(), seeds.end(), seed) != seeds.end())
        bad_seeds(text, "seed " + std::to_string(seed) + " is listed twice");
      seeds.push_back(seed);
    }
    start = comma + 1;
  }
  return seeds;
}

}  // namespace mann
