#include "framework/io/plot/image.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/font.h"

namespace mann::plot {

namespace {

// Calls f(glyph) once per UTF-8 code point: ASCII bytes map to their glyph, a multi-byte sequence to '?'.
template <typename F>
void for_each_glyph(std::string_view s, F&& f) {
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte: already drawn with its lead byte
    f(glyph(byte < 0x80 ? c : '?'));
  }
}

}  // namespace

Image::Image(int width, int height, Color background) : width_(width), height_(height) {
  if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide) {
    throw UserError("image size " + std::to_string(width) + "x" + std::to_string(height) + " is outside 1.." +
                    std::to_string(kMaxSide) + " pixels per side");
  }
  rgb_.resize(static_cast<std::size_t>(width) * height * 3);
  for (std::size_t i = 0; i < rgb_.size(); i += 3) {
    rgb_[i] = background.r;
    rgb_[i + 1] = background.g;
    rgb_[i + 2] = background.b;
  }
}

Color Image::at(int x, int y) const {
  const std::size_t i = (static_cast<std::size_t>(y) * width_ + x) * 3;
  return {rgb_[i], rgb_[i + 1], rgb_[i + 2]};
}

void Image::set(int x, int y, Color c) {
  if (!inside(x, y)) return;
  const std::size_t i = (static_cast<std::size_t>(y) * width_ + x) * 3;
  rgb_[i] = c.r;
  rgb_[i + 1] = c.g;
  rgb_[i + 2] = c.b;
}

void Image::blend(int x, int y, Color c, float alpha) {
  if (inside(x, y)) set(x, y, plot::blend(at(x, y), c, alpha));
}

void Image::fill_rect(int x, int y, int w, int h, Color c) {
  const int x0 = std::max(x, 0), y0 = std::max(y, 0);
  const int x1 = std::min(x + w, width_), y1 = std::min(y + h, height_);
  for (int yy = y0; yy < y1; ++yy) {
    for (int xx = x0; xx < x1; ++xx) set(xx, yy, c);
  }
}

void Image::line(int x0, int y0, int x1, int y1, Color c, int thickness) {
  thickness = std::max(thickness, 1);
  const int lo = -(thickness - 1) / 2;  // brush offset so that the brush is centred on the line
  const int dx = std::abs(x1 - x0), dy = -std::abs(y1 - y0);
  const int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
  int err = dx + dy;  // error term of the all-octant integer Bresenham algorithm
  while (true) {
    if (thickness == 1) {
      set(x0, y0, c);
    } else {
      fill_rect(x0 + lo, y0 + lo, thickness, thickness, c);
    }
    if (x0 == x1 && y0 == y1) break;
    const int e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}

void Image::fill_polygon(const std::vector<PointF>& points, Color c, float alpha) {
  if (points.size() < 3) return;
  float ymin = points[0].y, ymax = points[0].y;
  for (const PointF& p : points) {
    ymin = std::min(ymin, p.y);
    ymax = std::max(ymax, p.y);
  }
  const int row0 = std::max(0, static_cast<int>(std::floor(ymin)));
  const int row1 = std::min(height_ - 1, static_cast<int>(std::ceil(ymax)));
  std::vector<float> crossings;
  for (int y = row0; y <= row1; ++y) {
    const float cy = static_cast<float>(y) + 0.5f;  // sample at pixel centres
    crossings.clear();
    for (std::size_t i = 0; i < points.size(); ++i) {
      const PointF& a = points[i];
      const PointF& b = points[(i + 1) % points.size()];
      // Half-open rule (a.y <= cy < b.y or the reverse) counts a vertex on the scanline exactly once.
      if ((a.y <= cy) != (b.y <= cy)) crossings.push_back(a.x + (cy - a.y) / (b.y - a.y) * (b.x - a.x));
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      const int xa = std::max(0, static_cast<int>(std::ceil(crossings[i] - 0.5f)));
      const int xb = std::min(width_ - 1, static_cast<int>(std::ceil(crossings[i + 1] - 0.5f)) - 1);
      for (int x = xa; x <= xb; ++x) blend(x, y, c, alpha);
    }
  }
}

void Image::text(int x, int y, std::string_view s, Color c, int scale) {
  scale = std::max(scale, 1);
  for_each_glyph(s, [&](const Glyph& g) {
    for (int row = 0; row < kGlyphHeight; ++row) {
      for (int col = 0; col < kGlyphWidth; ++col) {
        if (g[row] & (0x10 >> col)) fill_rect(x + col * scale, y + row * scale, scale, scale, c);
      }
    }
    x += kGlyphAdvance * scale;
  });
}

void Image::text_vertical(int x, int y, std::string_view s, Color c, int scale) {
  scale = std::max(scale, 1);
  // Rotating counter-clockwise: glyph column `col` runs up the screen from y, glyph row `row` runs
  // right from x (the glyph's top is on the left).
  for_each_glyph(s, [&](const Glyph& g) {
    for (int row = 0; row < kGlyphHeight; ++row) {
      for (int col = 0; col < kGlyphWidth; ++col) {
        if (g[row] & (0x10 >> col)) fill_rect(x + row * scale, y - (col + 1) * scale, scale, scale, c);
      }
    }
    y -= kGlyphAdvance * scale;
  });
}

}  // namespace mann::plot
