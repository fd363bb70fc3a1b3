#include "framework/io/plot/line_chart_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/font.h"
#include "framework/io/plot/label_text.h"
#include "framework/io/plot/ticks.h"

namespace mann::plot {

namespace {

constexpr int kScale = 2;
constexpr float kMargin = 12, kGap = 6, kTickLength = 5;
constexpr int kMinSide = 200, kMaxSide = 4000;
constexpr float kLegendRow = 20, kLegendSwatch = 24, kLegendPad = 8;
constexpr int kMaxLegendChars = 40;

const float kTextHeight = static_cast<float>(text_height(kScale));
const float kHalfCap = kCapHeight * kScale / 2.0f;

PlacedText placed(PointF at, std::string text, Anchor anchor, bool vertical = false) {
  TextStyle style;
  style.scale = kScale;
  style.anchor = anchor;
  style.vertical = vertical;
  return {at, std::move(text), style};
}

std::string series_name(const LineSeries& s, std::size_t index) {
  return s.name.empty() ? "#" + std::to_string(index) : "'" + s.name + "'";
}

void validate(const LineChartSpec& spec) {
  if (spec.series.empty()) throw UserError("line chart has no series");
  if (spec.width < kMinSide || spec.width > kMaxSide || spec.height < kMinSide || spec.height > kMaxSide) {
    throw UserError("line chart size " + std::to_string(spec.width) + "x" + std::to_string(spec.height) +
                    " is outside " + std::to_string(kMinSide) + ".." + std::to_string(kMaxSide) + " pixels");
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const LineSeries& s = spec.series[i];
    const std::string name = "line chart series " + series_name(s, i);
    if (!s.x.empty() && s.x.size() != s.y.size()) {
      throw UserError(name + " has " + std::to_string(s.x.size()) + " x values but " +
                      std::to_string(s.y.size()) + " y values");
    }
    if (s.y_low.empty() != s.y_high.empty()) throw UserError(name + " has only one side of its band");
    if (!s.y_low.empty() && (s.y_low.size() != s.y.size() || s.y_high.size() != s.y.size())) {
      throw UserError(name + " band has " + std::to_string(s.y_low.size()) + "/" +
                      std::to_string(s.y_high.size()) + " low/high values for " + std::to_string(s.y.size()) +
                      " points");
    }
    if (!spec.log_y) continue;
    // A log axis cannot show zero or negative values; silently dropping them would misrepresent the data.
    for (const auto* values : {&s.y, &s.y_low, &s.y_high}) {
      const char* what = values == &s.y ? "y" : values == &s.y_low ? "y_low" : "y_high";
      for (std::size_t k = 0; k < values->size(); ++k) {
        const double v = (*values)[k];
        if (std::isfinite(v) && v <= 0) {
          throw UserError("log-scale y axis needs positive values, but " + name + " has " + what + "[" +
                          std::to_string(k) + "] = " + format_number(v));
        }
      }
    }
  }
}

// Widens a flat range so the axis has an extent.
void widen_if_flat(double& lo, double& hi, double half) {
  if (hi - lo > 0) return;
  const double pad = lo == 0 ? half : std::abs(lo) * 0.1;
  lo -= pad;
  hi += pad;
}

}  // namespace

Color series_color(std::size_t index) {
  static constexpr std::array<Color, 10> kPalette = {{{0, 110, 190},
                                                      {235, 120, 20},
                                                      {30, 150, 60},
                                                      {205, 40, 50},
                                                      {130, 90, 190},
                                                      {140, 90, 60},
                                                      {220, 100, 180},
                                                      {110, 110, 110},
                                                      {170, 170, 20},
                                                      {20, 170, 190}}};
  return kPalette[index % kPalette.size()];
}

PointF LineChartLayout::map(double x, double y) const {
  const double yy = log_y ? std::log10(y) : y;
  return {plot.x + static_cast<float>((x - x_lo) / (x_hi - x_lo)) * plot.w,
          plot.bottom() - static_cast<float>((yy - y_lo) / (y_hi - y_lo)) * plot.h};
}

LineChartLayout layout_line_chart(const LineChartSpec& spec) {
  validate(spec);
  LineChartLayout layout;
  layout.width = static_cast<float>(spec.width);
  layout.height = static_cast<float>(spec.height);
  layout.log_y = spec.log_y;

  // Data ranges over everything that will be drawn (y on the axis scale: log10 for a log axis).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double x_lo = kInf, x_hi = -kInf, y_lo = kInf, y_hi = -kInf;
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    const LineSeries& s = spec.series[i];
    layout.colors.push_back(s.color.value_or(series_color(i)));
    for (std::size_t k = 0; k < s.y.size(); ++k) {
      const double x = series_x(s, k);
      if (!std::isfinite(x)) continue;
      bool any = false;
      for (const auto* values : {&s.y, &s.y_low, &s.y_high}) {
        if (values->empty() || !std::isfinite((*values)[k])) continue;
        const double v = spec.log_y ? std::log10((*values)[k]) : (*values)[k];
        y_lo = std::min(y_lo, v);
        y_hi = std::max(y_hi, v);
        any = true;
      }
      if (any) {
        x_lo = std::min(x_lo, x);
        x_hi = std::max(x_hi, x);
      }
    }
  }
  if (x_lo > x_hi) throw UserError("line chart has no finite data points to draw");
  widen_if_flat(x_lo, x_hi, 0.5);
  if (spec.log_y && !(y_hi > y_lo)) {
    y_lo -= 0.5;  // half a decade each way
    y_hi += 0.5;
  }
  widen_if_flat(y_lo, y_hi, 0.5);
  const double y_pad = (y_hi - y_lo) * 0.05;  // curves should not run along the frame
  layout.x_lo = x_lo;
  layout.x_hi = x_hi;
  layout.y_lo = y_lo - y_pad;
  layout.y_hi = y_hi + y_pad;

  // y ticks first: their labels' width decides the left margin.
  std::vector<std::string> y_labels;
  if (spec.log_y) {
    layout.y_ticks = log_ticks(std::pow(10.0, layout.y_lo), std::pow(10.0, layout.y_hi));
    for (double t : layout.y_ticks) y_labels.push_back(format_number(t));
  } else {
    const int target = std::max(2, static_cast<int>(layout.height / 70));
    layout.y_ticks = nice_ticks(layout.y_lo, layout.y_hi, target);
    const double step = layout.y_ticks.size() > 1 ? layout.y_ticks[1] - layout.y_ticks[0] : 1;
    for (double t : layout.y_ticks) y_labels.push_back(format_tick(t, step));
  }
  float y_label_w = 0;
  for (const std::string& label : y_labels) {
    y_label_w = std::max(y_label_w, static_cast<float>(text_width(label, kScale)));
  }

  float left = kMargin;
  const float y_title_x = left + kTextHeight / 2;
  if (!spec.y_title.empty()) left += kTextHeight + kGap;
  left += y_label_w + kGap + kTickLength;
  float top = kMargin;
  const float title_y = top + kHalfCap;
  top += spec.title.empty() ? kGap : kTextHeight + 2 * kGap;
  float bottom = kMargin + kTickLength + kGap + kTextHeight;
  const float right = kMargin + 3 * kGlyphAdvance * kScale;  // room for half of the last x tick label
  if (!spec.x_title.empty()) bottom += kTextHeight + kGap;
  layout.plot = {left, top, layout.width - left - right, layout.height - top - bottom};
  if (layout.plot.w < 50 || layout.plot.h < 50) {
    throw UserError("line chart " + std::to_string(spec.width) + "x" + std::to_string(spec.height) +
                    " is too small for its labels");
  }

  const int x_target = std::max(2, static_cast<int>(layout.plot.w / 110));
  layout.x_ticks = nice_ticks(layout.x_lo, layout.x_hi, x_target);
  const double x_step = layout.x_ticks.size() > 1 ? layout.x_ticks[1] - layout.x_ticks[0] : 1;
  for (double t : layout.x_ticks) {
    layout.texts.push_back(placed({layout.map(t, 1).x, layout.plot.bottom() + kTickLength + kGap + kHalfCap},
                                  format_tick(t, x_step), Anchor::kMiddle));
  }
  for (std::size_t i = 0; i < layout.y_ticks.size(); ++i) {
    layout.texts.push_back(placed({layout.plot.x - kTickLength - kGap, layout.map(0, layout.y_ticks[i]).y},
                                  y_labels[i], Anchor::kEnd));
  }
  if (!spec.title.empty()) {
    layout.texts.push_back(placed({layout.width / 2, title_y},
                                  fit_label(spec.title, static_cast<int>(layout.width - 2 * kMargin), kScale),
                                  Anchor::kMiddle));
  }
  if (!spec.x_title.empty()) {
    layout.texts.push_back(placed({layout.plot.centre().x, layout.height - kMargin - kHalfCap - 1},
                                  fit_label(spec.x_title, static_cast<int>(layout.plot.w), kScale),
                                  Anchor::kMiddle));
  }
  if (!spec.y_title.empty()) {
    layout.texts.push_back(placed({y_title_x, layout.plot.centre().y},
                                  fit_label(spec.y_title, static_cast<int>(layout.plot.h), kScale),
                                  Anchor::kMiddle, true));
  }

  // Legend: named series only, in the plot corner that covers the fewest data points.
  std::vector<std::size_t> named;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    if (spec.series[i].name.empty()) continue;
    named.push_back(i);
    names.push_back(spec.series[i].name);
  }
  const std::vector<std::string> labels = legend_labels(names, kMaxLegendChars);
  float name_w = 0;
  for (const std::string& label : labels)
    name_w = std::max(name_w, static_cast<float>(text_width(label, kScale)));
  if (!named.empty()) {
    const float w = kLegendPad + kLegendSwatch + kGap + name_w + kLegendPad;
    const float h = static_cast<float>(named.size()) * kLegendRow + kLegendPad;
    const float inset = 8;
    const std::array<PointF, 4> corners = {
        {{layout.plot.right() - inset - w, layout.plot.y + inset},
         {layout.plot.right() - inset - w, layout.plot.bottom() - inset - h},
         {layout.plot.x + inset, layout.plot.y + inset},
         {layout.plot.x + inset, layout.plot.bottom() - inset - h}}};
    std::size_t best = 0, best_count = std::numeric_limits<std::size_t>::max();
    for (std::size_t c = 0; c < corners.size(); ++c) {
      const RectF box{corners[c].x, corners[c].y, w, h};
      std::size_t count = 0;
      for (const LineSeries& s : spec.series) {
        for (std::size_t k = 0; k < s.y.size(); ++k) {
          if (!std::isfinite(s.y[k]) || !std::isfinite(series_x(s, k))) continue;
          const PointF p = layout.map(series_x(s, k), s.y[k]);
          count += p.x >= box.x && p.x <= box.right() && p.y >= box.y && p.y <= box.bottom();
        }
      }
      if (count < best_count) best = c, best_count = count;
    }
    layout.legend = {corners[best].x, corners[best].y, w, h};
    for (std::size_t row = 0; row < named.size(); ++row) {
      const float cy = layout.legend.y + kLegendPad / 2 + (static_cast<float>(row) + 0.5f) * kLegendRow;
      const float sx = layout.legend.x + kLegendPad;
      layout.legend_entries.push_back({{sx, cy}, {sx + kLegendSwatch, cy}, layout.colors[named[row]]});
      layout.texts.push_back(placed({sx + kLegendSwatch + kGap, cy}, labels[row], Anchor::kStart));
    }
  }
  return layout;
}

}  // namespace mann::plot
