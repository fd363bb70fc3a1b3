#pragma once
// An 8-bit sRGB colour and the few operations the plot renderers share.
#include <algorithm>
#include <cstdint>
#include <string>

namespace mann::plot {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

inline constexpr Color kBlack{0, 0, 0};
inline constexpr Color kWhite{255, 255, 255};

// Straight alpha compositing of `top` over `base` (alpha in [0, 1]), done in sRGB space: good enough for
// translucent bands and identical in spirit to what SVG viewers do with fill-opacity.
inline Color blend(Color base, Color top, float alpha) {
  alpha = std::clamp(alpha, 0.0f, 1.0f);
  auto mix = [alpha](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(static_cast<float>(a) + (static_cast<float>(b) - a) * alpha + 0.5f);
  };
  return {mix(base.r, top.r), mix(base.g, top.g), mix(base.b, top.b)};
}

// Rec. 709 weights on the sRGB values: a cheap brightness proxy used to order colormaps and to pick black or
// white text on top of a coloured cell.
inline float luminance(Color c) {
  return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

// "#rrggbb", as SVG attributes want it.
inline std::string to_hex(Color c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    s += kDigits[v >> 4];
    s += kDigits[v & 15];
  }
  return s;
}

}  // namespace mann::plot
