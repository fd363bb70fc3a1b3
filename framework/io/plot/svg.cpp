#include "framework/io/plot/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "framework/io/plot/file_output.h"

namespace mann::plot {

namespace {

// Coordinates with at most two decimals and no trailing zeros: short files, sub-pixel accuracy.
std::string num(float v) {
  if (!std::isfinite(v)) v = 0;  // never emit "nan" into an attribute
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string style_attributes(const SvgStyle& style) {
  std::string s = " fill=\"" + (style.fill ? to_hex(*style.fill) : std::string("none")) + "\"";
  if (style.fill && style.fill_opacity < 1) s += " fill-opacity=\"" + num(style.fill_opacity) + "\"";
  if (style.stroke) {
    s += " stroke=\"" + to_hex(*style.stroke) + "\" stroke-width=\"" + num(style.stroke_width) + "\"";
  }
  if (!style.css_class.empty()) s += " class=\"" + svg_escape(style.css_class) + "\"";
  return s;
}

std::string points_attribute(const std::vector<PointF>& points) {
  std::string s;
  for (const PointF& p : points) {
    if (!s.empty()) s += ' ';
    s += num(p.x) + "," + num(p.y);
  }
  return s;
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  std::size_t n = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

}  // namespace

std::string svg_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {  // malformed UTF-8 would make the whole document unreadable to an XML parser
      out += '?';
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    const char c = text[i++];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') ? '?' : c;
    }
  }
  return out;
}

SvgDocument::SvgDocument(float width, float height) : width_(width), height_(height) {}

void SvgDocument::rect(float x, float y, float w, float h, const SvgStyle& style) {
  body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0f)) +
           "\" height=\"" + num(std::max(h, 0.0f)) + "\"" + style_attributes(style) + "/>\n";
}

void SvgDocument::line(PointF a, PointF b, const SvgStyle& style) {
  body_ += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) +
           "\"" + style_attributes(style) + "/>\n";
}

void SvgDocument::polyline(const std::vector<PointF>& points, const SvgStyle& style) {
  body_ += "<polyline points=\"" + points_attribute(points) + "\"" + style_attributes(style) +
           " stroke-linejoin=\"round\"/>\n";
}

void SvgDocument::polygon(const std::vector<PointF>& points, const SvgStyle& style) {
  body_ += "<polygon points=\"" + points_attribute(points) + "\"" + style_attributes(style) + "/>\n";
}

void SvgDocument::text(float x, float y, std::string_view text, const SvgTextStyle& style) {
  body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(style.font_size) + "\"";
  if (style.anchor != "start") body_ += " text-anchor=\"" + svg_escape(style.anchor) + "\"";
  if (style.fill != kBlack) body_ += " fill=\"" + to_hex(style.fill) + "\"";
  if (style.rotate_degrees != 0) {
    body_ += " transform=\"rotate(" + num(style.rotate_degrees) + " " + num(x) + " " + num(y) + ")\"";
  }
  if (!style.css_class.empty()) body_ += " class=\"" + svg_escape(style.css_class) + "\"";
  body_ += ">" + svg_escape(text) + "</text>\n";
}

std::string SvgDocument::str() const {
  // A monospace family keeps text widths close to the bitmap font's, which the layouts are computed with.
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
         num(width_) + "\" height=\"" + num(height_) + "\" viewBox=\"0 0 " + num(width_) + " " +
         num(height_) +
         "\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n"
         "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
         body_ + "</svg>\n";
}

void SvgDocument::write_svg(const std::filesystem::path& path) const {
  write_file_atomically(path, str());
}

}  // namespace mann::plot
