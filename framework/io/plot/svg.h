#pragma once
// A tiny SVG builder: appends shapes and text to a document and produces well-formed SVG 1.1. Only what
// the plots need; every attribute value is generated here or escaped, so user text cannot break the file.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "framework/io/plot/color.h"
#include "framework/io/plot/image.h"

namespace mann::plot {

struct SvgStyle {
  std::optional<Color> fill;    // nullopt: fill="none"
  std::optional<Color> stroke;  // nullopt: no stroke
  float stroke_width = 1;
  float fill_opacity = 1;
  std::string css_class;  // optional class attribute, lets tests and stylesheets find element kinds
};

struct SvgTextStyle {
  Color fill = kBlack;
  float font_size = 12;
  std::string_view anchor = "start";  // SVG text-anchor: start, middle or end
  float rotate_degrees = 0;           // about the text position
  std::string css_class;
};

// XML-escapes & < > " ' and replaces control characters and malformed UTF-8 with '?', so any label is
// safe inside text content and attribute values.
std::string svg_escape(std::string_view text);

class SvgDocument {
 public:
  SvgDocument(float width, float height);

  float width() const { return width_; }
  float height() const { return height_; }

  void rect(float x, float y, float w, float h, const SvgStyle& style);
  void line(PointF a, PointF b, const SvgStyle& style);
  void polyline(const std::vector<PointF>& points, const SvgStyle& style);
  void polygon(const std::vector<PointF>& points, const SvgStyle& style);
  // (x, y) is the baseline position of the text, as in SVG.
  void text(float x, float y, std::string_view text, const SvgTextStyle& style);

  // The complete document, XML declaration included.
  std::string str() const;
  // Atomic write (temporary file + rename); throws UserError when the file cannot be written.
  void write_svg(const std::filesystem::path& path) const;

 private:
  float width_, height_;
  std::string body_;
};

}  // namespace mann::plot
