#pragma once
// Fitting label text into limited space.
#include <string>
#include <string_view>

namespace mann::plot {

// `text` unchanged if it has at most max_chars code points, otherwise its first max_chars - 2 code points
// followed by "..", so the result has exactly max_chars code points (the bitmap font has no ellipsis
// glyph, and ".." reads the same in both formats). Line breaks and tabs become spaces. Never splits a
// UTF-8 sequence.
std::string truncate_label(std::string_view text, int max_chars);

// The longest truncate_label(text, n) that is at most max_width pixels wide at `scale`.
std::string fit_label(std::string_view text, int max_width, int scale);

}  // namespace mann::plot
