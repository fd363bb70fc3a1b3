#pragma once
// An RGB raster with the drawing primitives the PNG renderer needs. Drawing outside the image is clipped
// silently, so callers may draw shapes that stick out.
#include <cstdint>
#include <string_view>
#include <vector>

#include "framework/io/plot/color.h"

namespace mann::plot {

struct PointF {
  float x = 0, y = 0;
};

class Image {
 public:
  // Throws UserError for a size outside 1..kMaxSide per side.
  Image(int width, int height, Color background = kWhite);

  static constexpr int kMaxSide = 16384;

  int width() const { return width_; }
  int height() const { return height_; }
  // width * height * 3 bytes, rows top to bottom, each pixel R, G, B.
  const std::vector<std::uint8_t>& rgb() const { return rgb_; }

  Color at(int x, int y) const;  // precondition: inside the image
  void set(int x, int y, Color c);
  void blend(int x, int y, Color c, float alpha);

  void fill_rect(int x, int y, int w, int h, Color c);
  // Bresenham line; thickness > 1 stamps a square brush centred on each step.
  void line(int x0, int y0, int x1, int y1, Color c, int thickness = 1);
  // Even-odd scanline fill (pixel centres), blended with `alpha`; each pixel is touched at most once.
  void fill_polygon(const std::vector<PointF>& points, Color c, float alpha = 1.0f);

  // Text from the built-in font; (x, y) is the top-left corner of the first glyph.
  void text(int x, int y, std::string_view s, Color c, int scale = 1);
  // Text rotated 90 degrees counter-clockwise (reads bottom to top); (x, y) is the bottom-left corner of
  // the first glyph as seen on screen, i.e. the glyph tops face left.
  void text_vertical(int x, int y, std::string_view s, Color c, int scale = 1);

 private:
  bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < width_ && y < height_; }

  int width_, height_;
  std::vector<std::uint8_t> rgb_;
};

}  // namespace mann::plot
