#include "framework/io/plot/png_canvas.h"

#include <algorithm>
#include <cmath>

#include "framework/io/plot/font.h"

namespace mann::plot {

namespace {

int px(float v) {
  return static_cast<int>(std::lround(v));
}

int thickness(float width) {
  return std::max(1, px(width));
}

}  // namespace

void PngCanvas::fill_rect(float x, float y, float w, float h, Color c, std::string_view) {
  // Rounding both edges (not the size) tiles adjacent cells without gaps or overlaps, even when cells are
  // narrower than a pixel.
  const int x0 = px(x), y0 = px(y);
  image_.fill_rect(x0, y0, px(x + w) - x0, px(y + h) - y0, c);
}

void PngCanvas::stroke_rect(float x, float y, float w, float h, Color c, float width, std::string_view) {
  const int x0 = px(x), y0 = px(y), x1 = px(x + w), y1 = px(y + h);
  const int t = std::min({thickness(width), std::max(1, (x1 - x0) / 2), std::max(1, (y1 - y0) / 2)});
  image_.fill_rect(x0, y0, x1 - x0, t, c);
  image_.fill_rect(x0, y1 - t, x1 - x0, t, c);
  image_.fill_rect(x0, y0, t, y1 - y0, c);
  image_.fill_rect(x1 - t, y0, t, y1 - y0, c);
}

void PngCanvas::line(PointF a, PointF b, Color c, float width) {
  image_.line(px(a.x), px(a.y), px(b.x), px(b.y), c, thickness(width));
}

void PngCanvas::polyline(const std::vector<PointF>& points, Color c, float width, std::string_view) {
  for (std::size_t i = 0; i + 1 < points.size(); ++i) line(points[i], points[i + 1], c, width);
  if (points.size() == 1) line(points[0], points[0], c, width);  // a lone point still shows up
}

void PngCanvas::polygon(const std::vector<PointF>& points, Color c, float opacity, std::string_view) {
  image_.fill_polygon(points, c, opacity);
}

void PngCanvas::text(PointF at, std::string_view s, const TextStyle& style) {
  const int scale = std::max(style.scale, 1);
  const float w = static_cast<float>(text_width(s, scale));
  const float shift = style.anchor == Anchor::kStart ? 0 : style.anchor == Anchor::kMiddle ? w / 2 : w;
  const float across = at.x - kCapHeight * scale / 2.0f;  // left edge of vertical text
  if (style.vertical) {
    image_.text_vertical(px(across), px(at.y + shift), s, style.color, scale);
  } else {
    image_.text(px(at.x - shift), px(at.y - kCapHeight * scale / 2.0f), s, style.color, scale);
  }
}

}  // namespace mann::plot
