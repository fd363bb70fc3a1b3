#pragma once
// Text helpers shared by messages, CSV headers and file attributes.
#include <string>
#include <string_view>
#include <vector>

namespace mann {

// "a, b, c" for join({"a", "b", "c"}, ", "); empty for no items.
inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

}  // namespace mann
