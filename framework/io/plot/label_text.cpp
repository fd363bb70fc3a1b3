#include "framework/io/plot/label_text.h"

#include <algorithm>

#include "framework/io/plot/font.h"

namespace mann::plot {

std::string truncate_label(std::string_view text, int max_chars) {
  std::string flat(text);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (code_points(flat) <= max_chars) return flat;
  if (max_chars <= 2) return std::string(static_cast<std::size_t>(std::max(max_chars, 0)), '.');
  // Cut before the lead byte of code point number max_chars - 2.
  int seen = 0;
  std::size_t cut = 0;
  for (; cut < flat.size(); ++cut) {
    const bool lead = (static_cast<unsigned char>(flat[cut]) & 0xC0) != 0x80;
    if (lead && seen++ == max_chars - 2) break;
  }
  return flat.substr(0, cut) + "..";
}

std::string fit_label(std::string_view text, int max_width, int scale) {
  // Each code point adds the same advance, so the fitting length follows directly from the width.
  const int advance = kGlyphAdvance * std::max(scale, 1);
  const int max_chars = std::max(0, (max_width + std::max(scale, 1)) / advance);
  return truncate_label(text, max_chars);
}

}  // namespace mann::plot
