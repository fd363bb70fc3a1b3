#include "framework/io/plot/image_grid.h"

#include <algorithm>
#include <cmath>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/font.h"
#include "framework/io/plot/label_text.h"
#include "framework/io/plot/render_file.h"

namespace mann::plot {

namespace {

constexpr int kMaxImages = 1024;
constexpr int kTargetImageSide = 120;  // pixels on screen, when the spec leaves the scale open
constexpr int kMaxCaptionChars = 24;
constexpr int kTextScale = 2;
constexpr int kMaxTitleLines = 4;
constexpr int kMaxCaptionLines = 64;
constexpr float kMargin = 12, kGap = 12, kCaptionGap = 6, kLineGap = 4;
constexpr Color kTitleColor{40, 40, 40};

void check_spec(const ImageGridSpec& spec, const std::filesystem::path& out) {
  const std::string where = "image grid " + out.string() + ": ";
  const Index n = spec.images.rows();
  if (n == 0) throw UserError(where + "no images to draw");
  if (n > kMaxImages)
    throw UserError(where + std::to_string(n) + " images, at most " + std::to_string(kMaxImages));
  if (spec.height <= 0 || spec.width <= 0 ||
      spec.images.cols() != static_cast<Index>(spec.height) * spec.width)
    throw UserError(where + "images of " + std::to_string(spec.height) + "x" + std::to_string(spec.width) +
                    " pixels do not fill rows of " + std::to_string(spec.images.cols()) + " values");
  if (!spec.captions.empty() && static_cast<Index>(spec.captions.size()) != n)
    throw UserError(where + std::to_string(spec.captions.size()) + " captions for " + std::to_string(n) +
                    " images");
  if (spec.caption_lines < 1 || spec.caption_lines > kMaxCaptionLines)
    throw UserError(where + "captions of " + std::to_string(spec.caption_lines) + " lines (1.." +
                    std::to_string(kMaxCaptionLines) + ")");
  for (const ImageMark& mark : spec.marks)
    if (mark.image < 0 || mark.image >= n)
      throw UserError(where + "a mark on image " + std::to_string(mark.image) + " of " + std::to_string(n));
}

// Draws one image with its top-left corner at (x, y): a black square, then every pixel brighter than black.
void draw_image(Canvas& canvas, const ImageGridSpec& spec, Index row, float x, float y, float scale) {
  canvas.fill_rect(x, y, spec.width * scale, spec.height * scale, kBlack, "image");
  for (int py = 0; py < spec.height; ++py) {
    for (int px = 0; px < spec.width; ++px) {
      const float v = spec.images(row, static_cast<Index>(py) * spec.width + px);
      if (!(v > 0)) continue;  // background, and NaN, stay black
      const auto level = static_cast<std::uint8_t>(std::lround(std::min(v, 1.0f) * 255.0f));
      canvas.fill_rect(x + px * scale, y + py * scale, scale, scale, Color{level, level, level}, "pixel");
    }
  }
}

// A mark's label with its top-left corner at (x, y): on a plate of the mark's colour, in black or white,
// whichever reads better on it, so it shows over dark and bright pixels alike.
void draw_mark_label(Canvas& canvas, const ImageMark& mark, float x, float y) {
  constexpr int kLabelScale = 1;
  constexpr float kPad = 1;
  const float w = static_cast<float>(text_width(mark.label, kLabelScale)) + 2 * kPad;
  const float h = static_cast<float>(text_height(kLabelScale)) + 2 * kPad;
  canvas.fill_rect(x, y, w, h, mark.color, "mark-label");
  const float luma = 0.299f * mark.color.r + 0.587f * mark.color.g + 0.114f * mark.color.b;
  TextStyle style;
  style.scale = kLabelScale;
  style.color = luma > 140.f ? kBlack : Color{255, 255, 255};
  canvas.text({x + kPad, y + h / 2}, mark.label, style);
}

// A caption wrapped to `width` pixels: each '\n'-separated part on lines of its own, at most `max_lines`
// in all (the last one cut with ".." when more would be needed).
std::vector<std::string> wrap_caption(const std::string& caption, int width, int max_lines) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= caption.size() && static_cast<int>(lines.size()) < max_lines) {
    const std::size_t end = std::min(caption.find('\n', start), caption.size());
    const int left = max_lines - static_cast<int>(lines.size());
    for (std::string& line : wrap_label(caption.substr(start, end - start), width, kTextScale, left))
      lines.push_back(std::move(line));
    if (end < caption.size() && static_cast<int>(lines.size()) == max_lines)
      lines.back() = fit_label(lines.back() + " ..", width, kTextScale);  // parts left out
    start = end + 1;
  }
  return lines;
}

}  // namespace

void draw_image_grid(const ImageGridSpec& spec, const std::filesystem::path& out) {
  plot_format_for(out);  // a wrong extension is reported before any work
  check_spec(spec, out);
  const int n = static_cast<int>(spec.images.rows());
  const int columns = std::min(
      n, spec.columns > 0 ? spec.columns : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))));
  const int rows = (n + columns - 1) / columns;
  const int side = std::max(spec.height, spec.width);
  const float scale =
      static_cast<float>(spec.scale > 0 ? spec.scale : std::max(1, (kTargetImageSide + side - 1) / side));
  const float image_w = spec.width * scale, image_h = spec.height * scale;

  const float line_h = text_height(kTextScale) + kLineGap;
  std::vector<std::vector<std::string>> captions;  // the lines of each
  float cell_w = std::max(image_w, static_cast<float>(spec.caption_width));
  std::size_t caption_lines = 0;
  for (const std::string& c : spec.captions) {
    if (spec.caption_lines == 1) {
      captions.push_back({truncate_label(c, kMaxCaptionChars)});
      cell_w = std::max(cell_w, static_cast<float>(text_width(captions.back().front(), kTextScale)));
    } else {
      captions.push_back(wrap_caption(c, static_cast<int>(cell_w), spec.caption_lines));
    }
    caption_lines = std::max(caption_lines, captions.back().size());
  }
  const float caption_h = captions.empty() ? 0 : kCaptionGap + caption_lines * line_h - kLineGap;
  const float cell_h = image_h + caption_h;
  const float width = 2 * kMargin + columns * cell_w + (columns - 1) * kGap;
  // A long title over a narrow grid takes several lines.
  const std::vector<std::string> title =
      spec.title.empty()
          ? std::vector<std::string>{}
          : wrap_label(spec.title, static_cast<int>(width - 2 * kMargin), kTextScale, kMaxTitleLines);
  const float title_h = title.empty() ? 0 : title.size() * line_h + kGap;
  const float height = 2 * kMargin + title_h + rows * cell_h + (rows - 1) * kGap;

  render_to_file(out, width, height, [&](Canvas& canvas) {
    TextStyle title_style;
    title_style.color = kTitleColor;
    title_style.scale = kTextScale;
    for (std::size_t line = 0; line < title.size(); ++line)
      canvas.text({kMargin, kMargin + line * line_h + kCapHeight * kTextScale / 2.0f}, title[line],
                  title_style);
    for (int i = 0; i < n; ++i) {
      const float cell_x = kMargin + (i % columns) * (cell_w + kGap);
      const float cell_y = kMargin + title_h + (i / columns) * (cell_h + kGap);
      const float x = cell_x + (cell_w - image_w) / 2;
      draw_image(canvas, spec, i, x, cell_y, scale);
      if (!captions.empty()) {
        TextStyle style;
        style.scale = kTextScale;
        style.anchor = Anchor::kMiddle;
        for (std::size_t line = 0; line < captions[i].size(); ++line)
          canvas.text({cell_x + cell_w / 2,
                       cell_y + image_h + kCaptionGap + line * line_h + kCapHeight * kTextScale / 2.0f},
                      captions[i][line], style);
      }
      for (const ImageMark& mark : spec.marks) {
        if (mark.image != i) continue;
        const float line = std::max(1.0f, scale / 2);
        canvas.stroke_rect(x + mark.x * scale, cell_y + mark.y * scale, mark.w * scale, mark.h * scale,
                           mark.color, line, "mark");
        if (!mark.label.empty())
          draw_mark_label(canvas, mark, x + mark.x * scale + line, cell_y + mark.y * scale + line);
      }
    }
  });
}

}  // namespace mann::plot
