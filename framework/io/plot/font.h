#pragma once
// A built-in 5x7 bitmap font (plus one descender row) for printable ASCII, so PNG output needs no font
// library. Text is measured in UTF-8 code points: anything outside ASCII 32..126 is drawn as '?', one
// glyph per code point, so the SVG text (which shows the real characters) has the same width.
#include <array>
#include <cstdint>
#include <string_view>

namespace mann::plot {

inline constexpr int kGlyphWidth = 5;    // pixels with ink, per row
inline constexpr int kGlyphHeight = 8;   // rows 0..6 hold capitals and digits, row 7 the descenders
inline constexpr int kCapHeight = 7;     // the rows text is vertically centred on
inline constexpr int kGlyphAdvance = 6;  // one blank column between characters

// One bitmap row per entry; bit 4 is the leftmost pixel.
using Glyph = std::array<std::uint8_t, kGlyphHeight>;

// The glyph for an ASCII character; characters outside 32..126 map to '?'.
const Glyph& glyph(char c);

// Number of code points in UTF-8 text (continuation bytes are not counted).
int code_points(std::string_view utf8);

// Width in pixels of `text` drawn at `scale` (no trailing blank column).
int text_width(std::string_view text, int scale = 1);

// Height in pixels of one line of text at `scale`, descenders included.
inline int text_height(int scale = 1) {
  return kGlyphHeight * scale;
}

}  // namespace mann::plot
