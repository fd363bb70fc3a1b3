#pragma once
// Canvas onto an SvgDocument. Text is set in a monospace family at a size whose advance (about 0.6 em)
// matches the bitmap font's, so layouts measured with text_width() fit in both formats.
#include "framework/io/plot/canvas.h"
#include "framework/io/plot/svg.h"

namespace mann::plot {

class SvgCanvas final : public Canvas {
 public:
  explicit SvgCanvas(SvgDocument& doc) : doc_(doc) {}

  void fill_rect(float x, float y, float w, float h, Color c, std::string_view kind = {}) override;
  void stroke_rect(float x, float y, float w, float h, Color c, float width,
                   std::string_view kind = {}) override;
  void line(PointF a, PointF b, Color c, float width) override;
  void polyline(const std::vector<PointF>& points, Color c, float width, std::string_view kind = {}) override;
  void polygon(const std::vector<PointF>& points, Color c, float opacity,
               std::string_view kind = {}) override;
  void text(PointF at, std::string_view s, const TextStyle& style) override;

 private:
  SvgDocument& doc_;
};

}  // namespace mann::plot
