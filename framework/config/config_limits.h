#pragma once
// Bounds on what a config may be. Real experiment files are a few KiB, a handful of levels deep, with some
// hundred values; the limits sit far above that and far below what would exhaust memory or the stack, so
// that a corrupt or hostile file is refused with a message instead of crashing or hanging `mann`.
#include <cstddef>

namespace mann {

// Bytes of one config file or --set value, checked before reading.
inline constexpr std::size_t kMaxConfigBytes = std::size_t{16} << 20;
// Levels of maps and lists inside each other; yaml-cpp's parser and our conversion both recurse per level.
inline constexpr int kMaxConfigDepth = 64;
// Values after aliases are expanded: `&a [x, x]`, `&b [*a, *a]`, ... doubles with each line.
inline constexpr std::size_t kMaxConfigValues = 1'000'000;

}  // namespace mann
