#pragma once
// The drawing interface the plot layouts emit through. One implementation writes SVG elements, one paints
// an Image for PNG, so every plot's layout is computed once and shared by both formats.
// Coordinates are pixels from the top-left corner, as floats; the PNG side rounds them.
#include <string>
#include <string_view>
#include <vector>

#include "framework/io/plot/color.h"
#include "framework/io/plot/image.h"

namespace mann::plot {

// An axis-aligned rectangle: top-left corner and size.
struct RectF {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  PointF centre() const { return {x + w / 2, y + h / 2}; }
};

enum class Anchor { kStart, kMiddle, kEnd };

struct TextStyle {
  Color color = kBlack;
  int scale = 2;  // bitmap font scale: glyph cell 6*scale x 8*scale pixels (SVG: font-size 10*scale)
  Anchor anchor = Anchor::kStart;
  bool vertical = false;  // rotated to read bottom-to-top
};

class Canvas {
 public:
  virtual ~Canvas() = default;

  // `kind` names the element's role (e.g. "cell", "colorbar"); SVG writes it as a class, PNG ignores it.
  virtual void fill_rect(float x, float y, float w, float h, Color c, std::string_view kind = {}) = 0;
  // Outline drawn inside the rectangle, so adjacent outlines do not overlap.
  virtual void stroke_rect(float x, float y, float w, float h, Color c, float width,
                           std::string_view kind = {}) = 0;
  virtual void line(PointF a, PointF b, Color c, float width) = 0;
  virtual void polyline(const std::vector<PointF>& points, Color c, float width,
                        std::string_view kind = {}) = 0;
  // Filled, translucent polygon (used for bands).
  virtual void polygon(const std::vector<PointF>& points, Color c, float opacity,
                       std::string_view kind = {}) = 0;
  // `at` is where the anchor lies along the text; across the text, `at` is the middle of the capitals.
  // Horizontal text runs right from the start; vertical text runs up from the start.
  virtual void text(PointF at, std::string_view s, const TextStyle& style) = 0;

  void fill_rect(const RectF& r, Color c, std::string_view kind = {}) {
    fill_rect(r.x, r.y, r.w, r.h, c, kind);
  }
  void stroke_rect(const RectF& r, Color c, float width, std::string_view kind = {}) {
    stroke_rect(r.x, r.y, r.w, r.h, c, width, kind);
  }
};

// A piece of text with its position and style, as layouts compute them.
struct PlacedText {
  PointF at;
  std::string text;
  TextStyle style;
};

}  // namespace mann::plot
