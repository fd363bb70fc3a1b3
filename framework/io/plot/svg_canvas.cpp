#include "framework/io/plot/svg_canvas.h"

#include <algorithm>
#include <string>

#include "framework/io/plot/font.h"

namespace mann::plot {

namespace {

// Named-member construction (designated initialisers trip GCC's -Wmissing-field-initializers).
SvgStyle filled(Color c, float opacity, std::string_view kind) {
  SvgStyle style;
  style.fill = c;
  style.fill_opacity = opacity;
  style.css_class = kind;
  return style;
}

SvgStyle stroked(Color c, float width, std::string_view kind) {
  SvgStyle style;
  style.stroke = c;
  style.stroke_width = width;
  style.css_class = kind;
  return style;
}

}  // namespace

void SvgCanvas::fill_rect(float x, float y, float w, float h, Color c, std::string_view kind) {
  doc_.rect(x, y, w, h, filled(c, 1, kind));
}

void SvgCanvas::stroke_rect(float x, float y, float w, float h, Color c, float width, std::string_view kind) {
  // SVG strokes straddle the outline; inset by half the width so the stroke stays inside, as in PNG.
  width = std::min({width, w / 2, h / 2});
  doc_.rect(x + width / 2, y + width / 2, w - width, h - width, stroked(c, width, kind));
}

void SvgCanvas::line(PointF a, PointF b, Color c, float width) {
  doc_.line(a, b, stroked(c, width, {}));
}

void SvgCanvas::polyline(const std::vector<PointF>& points, Color c, float width, std::string_view kind) {
  doc_.polyline(points, stroked(c, width, kind));
}

void SvgCanvas::polygon(const std::vector<PointF>& points, Color c, float opacity, std::string_view kind) {
  doc_.polygon(points, filled(c, opacity, kind));
}

void SvgCanvas::text(PointF at, std::string_view s, const TextStyle& style) {
  const float scale = static_cast<float>(std::max(style.scale, 1));
  SvgTextStyle svg;
  svg.fill = style.color;
  svg.font_size = 10 * scale;  // monospace advance ~0.6 em = 6 * scale, the bitmap advance
  svg.anchor = style.anchor == Anchor::kStart ? "start" : style.anchor == Anchor::kMiddle ? "middle" : "end";
  // The baseline sits half a cap height (about 0.35 em) below the text's middle line.
  const float baseline_shift = kCapHeight * scale / 2.0f;
  if (style.vertical) {
    // rotate(-90) about (x, y) maps the unrotated baseline offset +dy to a screen offset +dy to the right.
    svg.rotate_degrees = -90;
    doc_.text(at.x + baseline_shift, at.y, s, svg);
  } else {
    doc_.text(at.x, at.y + baseline_shift, s, svg);
  }
}

}  // namespace mann::plot
