#include "framework/util/number_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

namespace mann {

std::string round_trip_text(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::array<char, 64> buffer{};
  char* const first = buffer.data();
  char* const last = first + buffer.size();              // holds any int64, float or double
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: every integer below it is a double
  const bool whole = std::trunc(value) == value && std::abs(value) < kExactIntegers;
  const bool is_float = std::abs(value) <= std::numeric_limits<float>::max() &&
                        static_cast<double>(static_cast<float>(value)) == value;
  const std::to_chars_result written = whole      ? std::to_chars(first, last, static_cast<int64_t>(value))
                                       : is_float ? std::to_chars(first, last, static_cast<float>(value))
                                                  : std::to_chars(first, last, value);
  return std::string(first, written.ptr);
}

}  // namespace mann
