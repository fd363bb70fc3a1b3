#include "framework/io/plot/heatmap_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/font.h"
#include "framework/io/plot/label_text.h"
#include "framework/io/plot/ticks.h"

namespace mann::plot {

namespace {

constexpr int kScale = 2;      // font scale of all heatmap text
constexpr float kMargin = 12;  // around the whole block
constexpr float kGap = 6;      // between a label and what it labels
// The cell grid never exceeds this, so the block fits the cap (and a stack of two stays on a screen).
constexpr float kMaxPlotWidth = 1400, kMaxPlotHeight = 1000;
constexpr float kMaxCell = 48;       // large enough to read a 3-hop MemN2N plot, small enough to stay compact
constexpr float kMaxValueCell = 56;  // wider cells when values are printed in them
constexpr float kMaxLabelCell = 120;  // few columns with short labels: widen cells to keep labels level
constexpr int kMaxLabelChars = 32;    // longer labels are truncated with ".."
constexpr float kColorbarGap = 18, kColorbarWidth = 16, kMinColorbarHeight = 120;
constexpr Color kMarkedRowText{217, 95, 2};
constexpr float kTitleWidth = 480;  // a title widens a narrower block up to this, then wraps
constexpr int kMaxTitleLines = 3;

const float kTextHeight = static_cast<float>(text_height(kScale));
const float kHalfCap = kCapHeight * kScale / 2.0f;

// Integer pixel cells when they fit (crisp PNG edges); fractional below one pixel so any size fits.
float cell_size(Index n, float max_plot, float max_cell) {
  const float fit = max_plot / static_cast<float>(n);
  return fit >= 1 ? std::clamp(std::floor(fit), 1.0f, max_cell) : fit;
}

// Smallest of 1, 2, 5, 10, 20, 50, ... such that labels `step` cells apart are at least `needed` apart.
int label_step(float cell, float needed) {
  for (int magnitude = 1;; magnitude *= 10) {
    for (int m : {1, 2, 5}) {
      if (static_cast<float>(m * magnitude) * cell >= needed) return m * magnitude;
    }
  }
}

std::vector<std::string> labels_or_indices(const std::vector<std::string>& given, Index n, const char* what) {
  if (given.empty()) {
    std::vector<std::string> indices;
    for (Index i = 0; i < n; ++i) indices.push_back(std::to_string(i));
    return indices;
  }
  if (static_cast<Index>(given.size()) != n) {
    throw UserError(std::string("heatmap has ") + std::to_string(n) + " " + what + "s but " +
                    std::to_string(given.size()) + " " + what + " labels");
  }
  std::vector<std::string> out;
  for (const std::string& label : given) out.push_back(truncate_label(label, kMaxLabelChars));
  return out;
}

// The colour range: explicit limits win, the rest comes from the finite data; a flat range is widened so
// the colour bar still has an extent.
void resolve_range(const HeatmapSpec& spec, HeatmapLayout& layout) {
  const bool fixed_lo = std::isfinite(spec.vmin), fixed_hi = std::isfinite(spec.vmax);
  if (fixed_lo && fixed_hi && !(spec.vmin < spec.vmax)) {
    throw UserError("heatmap vmin (" + format_number(spec.vmin) + ") must be below vmax (" +
                    format_number(spec.vmax) + ")");
  }
  float lo = INFINITY, hi = -INFINITY;
  for (Index i = 0; i < spec.values.size(); ++i) {
    const float v = spec.values.data()[i];
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (lo > hi) lo = 0, hi = 1;  // no finite data at all
  if (fixed_lo) lo = spec.vmin;
  if (fixed_hi) hi = spec.vmax;
  if (!(lo < hi)) {
    if (fixed_lo && !fixed_hi) {
      hi = lo + 1;
    } else if (fixed_hi && !fixed_lo) {
      lo = hi - 1;
    } else {
      lo -= 0.5f;
      hi += 0.5f;
    }
  }
  layout.vmin = lo;
  layout.vmax = hi;
}

void validate_marks(const HeatmapSpec& spec) {
  const Index rows = spec.values.rows(), cols = spec.values.cols();
  for (const auto& [r, c] : spec.marked_cells) {
    if (r < 0 || r >= rows || c < 0 || c >= cols) {
      throw UserError("heatmap marked cell (" + std::to_string(r) + ", " + std::to_string(c) +
                      ") is outside the " + shape_string(spec.values) + " matrix");
    }
  }
  for (int r : spec.marked_rows) {
    if (r < 0 || r >= rows) {
      throw UserError("heatmap marked row " + std::to_string(r) + " is outside the " +
                      shape_string(spec.values) + " matrix");
    }
  }
}

PlacedText placed(PointF at, std::string text, Anchor anchor, bool vertical = false, Color color = kBlack) {
  TextStyle style;
  style.color = color;
  style.scale = kScale;
  style.anchor = anchor;
  style.vertical = vertical;
  return {at, std::move(text), style};
}

}  // namespace

std::string HeatmapLayout::value_text(float value) const {
  if (value_decimals < 0 || !std::isfinite(value)) return format_number(value);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", value_decimals, static_cast<double>(value));
  return buf;
}

HeatmapLayout layout_heatmap(const HeatmapSpec& spec, float top, float max_plot_width) {
  const float plot_width = max_plot_width > 0 ? std::min(max_plot_width, kMaxPlotWidth) : kMaxPlotWidth;
  const Index rows = spec.values.rows(), cols = spec.values.cols();
  if (rows == 0 || cols == 0)
    throw UserError("heatmap needs a non-empty matrix, got " + shape_string(spec.values));
  const std::vector<std::string> row_labels = labels_or_indices(spec.row_labels, rows, "row");
  const std::vector<std::string> col_labels = labels_or_indices(spec.col_labels, cols, "column");
  validate_marks(spec);

  HeatmapLayout layout;
  resolve_range(spec, layout);
  layout.cell_w = cell_size(cols, plot_width, spec.show_values ? kMaxValueCell : kMaxCell);
  layout.cell_h = cell_size(rows, kMaxPlotHeight, kMaxCell);

  // Row labels: horizontal, thinned when rows are shorter than a line of text.
  layout.row_label_step = label_step(layout.cell_h, kTextHeight + 2);
  float row_label_w = 0;
  for (Index r = 0; r < rows; r += layout.row_label_step) {
    row_label_w = std::max(row_label_w, static_cast<float>(text_width(row_labels[r], kScale)));
  }
  // Column labels: horizontal when every one fits its cell, otherwise vertical and thinned as needed.
  float widest_col_label = 0;
  for (const std::string& label : col_labels) {
    widest_col_label = std::max(widest_col_label, static_cast<float>(text_width(label, kScale)));
  }
  const float level_cell = widest_col_label + 14;
  if (level_cell > layout.cell_w && level_cell <= kMaxLabelCell &&
      level_cell * static_cast<float>(cols) <= plot_width) {
    layout.cell_w = level_cell;  // e.g. "hop 1".."hop 3" or seq2seq tokens read better horizontally
  }
  layout.col_labels_vertical = widest_col_label + 4 > layout.cell_w;
  layout.col_label_step = layout.col_labels_vertical ? label_step(layout.cell_w, kTextHeight + 2) : 1;
  float col_label_extent = kTextHeight;
  if (layout.col_labels_vertical) {
    col_label_extent = 0;
    for (Index c = 0; c < cols; c += layout.col_label_step) {
      col_label_extent = std::max(col_label_extent, static_cast<float>(text_width(col_labels[c], kScale)));
    }
  }

  // Left to right: y title, row labels, cells, colour bar, its tick labels.
  float x = kMargin;
  const float y_title_x = x + kTextHeight / 2;
  if (!spec.y_title.empty()) x += kTextHeight + kGap;
  const float row_label_right = x + row_label_w;
  layout.plot.x = row_label_right + kGap;
  layout.plot.w = static_cast<float>(cols) * layout.cell_w;

  layout.plot.h = static_cast<float>(rows) * layout.cell_h;
  layout.colorbar = {layout.plot.right() + kColorbarGap, 0, kColorbarWidth,
                     std::max(layout.plot.h, kMinColorbarHeight)};
  const int tick_target = std::clamp(static_cast<int>(layout.colorbar.h / 40), 2, 8);
  float tick_label_w = 0;
  const std::vector<double> ticks = nice_ticks(layout.vmin, layout.vmax, tick_target);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : nice_step(layout.vmax - layout.vmin, 1);
  std::vector<std::string> tick_labels;
  for (double t : ticks) {
    tick_labels.push_back(format_tick(t, step));
    tick_label_w = std::max(tick_label_w, static_cast<float>(text_width(tick_labels.back(), kScale)));
  }
  const float tick_label_x = layout.colorbar.right() + kColorbarTickLength + kColorbarTickLabelGap;

  // Overall width: the content's; a longer title may widen a narrow block up to kTitleWidth and wraps
  // onto more lines beyond that, so it never runs to the edge.
  const float content_w = tick_label_x + tick_label_w + kMargin;
  const float title_w = static_cast<float>(text_width(spec.title, kScale)) + 2 * kMargin;
  layout.width = std::min(std::max(content_w, std::min(title_w, kTitleWidth)), kMaxHeatmapWidth);
  const std::vector<std::string> title_lines =
      wrap_label(spec.title, static_cast<int>(layout.width - 2 * kMargin), kScale, kMaxTitleLines);

  // Top to bottom: title, divider label, cells, column labels, x title.
  float y = top + kMargin;
  for (const std::string& line : title_lines) {
    layout.texts.push_back(placed({layout.width / 2, y + kHalfCap}, line, Anchor::kMiddle));
    y += kTextHeight + kGap;
  }
  if (!title_lines.empty()) y += kGap;
  const bool divided = spec.divider_col >= 0 && spec.divider_col <= cols;
  if (divided && !spec.divider_label.empty()) y += kTextHeight + kGap;
  layout.plot.y = y;
  layout.colorbar.y = y;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    layout.colorbar_ticks.push_back(static_cast<float>(ticks[i]));
    layout.texts.push_back(placed({tick_label_x, layout.colorbar_y(static_cast<float>(ticks[i]))},
                                  tick_labels[i], Anchor::kStart));
  }
  if (divided) {
    layout.divider_x = layout.plot.x + static_cast<float>(spec.divider_col) * layout.cell_w;
    if (!spec.divider_label.empty())
      layout.texts.push_back(placed(
          {layout.divider_x + kGap, layout.plot.y - kGap - kHalfCap},
          fit_label(spec.divider_label, static_cast<int>(layout.width - layout.divider_x - kMargin), kScale),
          Anchor::kStart, false, kMarkedRowText));
  }

  for (Index r = 0; r < rows; r += layout.row_label_step) {
    const bool marked =
        std::find(spec.marked_rows.begin(), spec.marked_rows.end(), r) != spec.marked_rows.end();
    layout.texts.push_back(placed({row_label_right, layout.cell(r, 0).centre().y}, row_labels[r],
                                  Anchor::kEnd, false, marked ? kMarkedRowText : kBlack));
  }
  const float col_label_y = layout.plot.bottom() + kGap;
  for (Index c = 0; c < cols; c += layout.col_label_step) {
    const float cx = layout.cell(0, c).centre().x;
    // Vertical labels end at the grid and read upwards from below; horizontal ones hang under their cell.
    layout.texts.push_back(layout.col_labels_vertical
                               ? placed({cx, col_label_y}, col_labels[c], Anchor::kEnd, true)
                               : placed({cx, col_label_y + kHalfCap}, col_labels[c], Anchor::kMiddle));
  }
  y = col_label_y + col_label_extent + kGap;
  if (!spec.x_title.empty()) {
    // Centred under the grid, but allowed to use the whole width and kept inside it.
    std::string text = fit_label(spec.x_title, static_cast<int>(layout.width - 2 * kMargin), kScale);
    const float half = static_cast<float>(text_width(text, kScale)) / 2;
    const float cx = std::clamp(layout.plot.centre().x, kMargin + half, layout.width - kMargin - half);
    layout.texts.push_back(placed({cx, y + kHalfCap}, std::move(text), Anchor::kMiddle));
    y += kTextHeight + kGap;
  }
  if (!spec.y_title.empty()) {
    // Along the grid, or along the colour bar when that is taller (few rows).
    const float span = std::max(layout.plot.h, layout.colorbar.h);
    layout.texts.push_back(placed({y_title_x, layout.plot.y + span / 2},
                                  fit_label(spec.y_title, static_cast<int>(span), kScale), Anchor::kMiddle,
                                  true));
  }
  layout.height = std::max(y, layout.colorbar.bottom() + kHalfCap) + kMargin - top;

  // Values printed in cells, with one number of decimals for the whole matrix so they line up: scale 2
  // when that fits, else 1, else not at all.
  if (spec.show_values) {
    float max_abs = 0;
    for (Index i = 0; i < spec.values.size(); ++i) {
      if (std::isfinite(spec.values.data()[i])) max_abs = std::max(max_abs, std::abs(spec.values.data()[i]));
    }
    layout.value_decimals = max_abs < 10 ? 2 : max_abs < 100 ? 1 : max_abs < 1e5f ? 0 : -1;
    float widest = 0;
    for (Index i = 0; i < spec.values.size(); ++i) {
      widest = std::max(widest, static_cast<float>(code_points(layout.value_text(spec.values.data()[i]))));
    }
    for (int scale : {2, 1}) {
      const float w = (widest * kGlyphAdvance - 1) * static_cast<float>(scale);
      if (w + 4 <= layout.cell_w && static_cast<float>(kCapHeight * scale) + 4 <= layout.cell_h) {
        layout.value_scale = scale;
        break;
      }
    }
  }

  for (const auto& [r, c] : spec.marked_cells) layout.marked_cells.push_back(layout.cell(r, c));
  for (int r : spec.marked_rows) {
    layout.marked_rows.push_back({layout.plot.x, layout.cell(r, 0).y, layout.plot.w, layout.cell_h});
  }
  return layout;
}

void shift_layout(HeatmapLayout& layout, float dx, float dy) {
  const auto move = [&](RectF& r) {
    r.x += dx;
    r.y += dy;
  };
  move(layout.plot);
  move(layout.colorbar);
  for (RectF& r : layout.marked_cells) move(r);
  for (RectF& r : layout.marked_rows) move(r);
  for (PlacedText& t : layout.texts) {
    t.at.x += dx;
    t.at.y += dy;
  }
  if (layout.divider_x >= 0) layout.divider_x += dx;
}

}  // namespace mann::plot
