#pragma once
// Canvas onto an Image: shapes are rounded to whole pixels, text uses the built-in bitmap font.
#include "framework/io/plot/canvas.h"
#include "framework/io/plot/image.h"

namespace mann::plot {

class PngCanvas final : public Canvas {
 public:
  explicit PngCanvas(Image& image) : image_(image) {}

  void fill_rect(float x, float y, float w, float h, Color c, std::string_view kind = {}) override;
  void stroke_rect(float x, float y, float w, float h, Color c, float width,
                   std::string_view kind = {}) override;
  void line(PointF a, PointF b, Color c, float width) override;
  void polyline(const std::vector<PointF>& points, Color c, float width, std::string_view kind = {}) override;
  void polygon(const std::vector<PointF>& points, Color c, float opacity,
               std::string_view kind = {}) override;
  void text(PointF at, std::string_view s, const TextStyle& style) override;

 private:
  Image& image_;
};

}  // namespace mann::plot
