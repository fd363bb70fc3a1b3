#pragma once
// Fitting label text into limited space.
#include <string>
#include <string_view>
#include <vector>

namespace mann::plot {

// `text` unchanged if it has at most max_chars code points, otherwise its first max_chars - 2 code points
// followed by "..", so the result has exactly max_chars code points (the bitmap font has no ellipsis
// glyph, and ".." reads the same in both formats). Line breaks and tabs become spaces. Never splits a
// UTF-8 sequence.
std::string truncate_label(std::string_view text, int max_chars);

// Legend labels for `names`: each at most max_chars code points where that keeps them apart, shortened in
// the middle (head ".." tail, since names that differ often differ only at the end, like sweep points
// `lr=0.01+score=dot` and `lr=0.01+score=cosine`); where that would make two labels equal, longer ones
// are allowed until they differ (at worst the full names).
std::vector<std::string> legend_labels(const std::vector<std::string>& names, int max_chars);

// `text` broken at spaces into lines of at most max_width pixels at `scale` (a word too long for a line is
// cut with fit_label); at most max_lines lines, the last one cut with ".." when more would be needed.
std::vector<std::string> wrap_label(std::string_view text, int max_width, int scale, int max_lines);

// The longest truncate_label(text, n) that is at most max_width pixels wide at `scale`.
std::string fit_label(std::string_view text, int max_width, int scale);

}  // namespace mann::plot
