#include "framework/io/plot/line_chart.h"

#include <cmath>

#include "framework/io/plot/line_chart_layout.h"
#include "framework/io/plot/render_file.h"

namespace mann::plot {

namespace {

constexpr Color kGrid{225, 225, 225};
constexpr Color kFrame{60, 60, 60};
constexpr float kBandOpacity = 0.25f;
constexpr float kLineWidth = 2;

// Runs of consecutive drawable points (non-finite values split a series into separate pieces).
template <typename Finite>
std::vector<std::vector<std::size_t>> finite_runs(std::size_t n, Finite&& finite) {
  std::vector<std::vector<std::size_t>> runs(1);
  for (std::size_t k = 0; k < n; ++k) {
    if (finite(k)) {
      runs.back().push_back(k);
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
  }
  if (runs.back().empty()) runs.pop_back();
  return runs;
}

void draw_series(Canvas& canvas, const LineChartLayout& layout, const LineSeries& s, Color color, bool band) {
  auto ok = [&](std::size_t k) { return std::isfinite(series_x(s, k)); };
  if (band) {
    auto band_ok = [&](std::size_t k) {
      return ok(k) && std::isfinite(s.y_low[k]) && std::isfinite(s.y_high[k]);
    };
    for (const auto& run : finite_runs(s.y.size(), band_ok)) {
      // Upper edge left to right, then lower edge back: one closed outline per run.
      std::vector<PointF> outline;
      for (std::size_t k : run) outline.push_back(layout.map(series_x(s, k), s.y_high[k]));
      for (auto it = run.rbegin(); it != run.rend(); ++it)
        outline.push_back(layout.map(series_x(s, *it), s.y_low[*it]));
      canvas.polygon(outline, color, kBandOpacity, "band");
    }
    return;
  }
  auto line_ok = [&](std::size_t k) { return ok(k) && std::isfinite(s.y[k]); };
  for (const auto& run : finite_runs(s.y.size(), line_ok)) {
    std::vector<PointF> points;
    for (std::size_t k : run) points.push_back(layout.map(series_x(s, k), s.y[k]));
    if (points.size() == 1) {  // an isolated point: a small square, since a one-point line is invisible
      canvas.fill_rect(points[0].x - 2, points[0].y - 2, 4, 4, color, "series-point");
    } else {
      canvas.polyline(points, color, kLineWidth, "series");
    }
  }
}

void draw(Canvas& canvas, const LineChartSpec& spec, const LineChartLayout& layout) {
  const RectF& plot = layout.plot;
  for (double t : layout.x_ticks) {
    const float x = layout.map(t, 1).x;
    canvas.line({x, plot.y}, {x, plot.bottom()}, kGrid, 1);
    canvas.line({x, plot.bottom()}, {x, plot.bottom() + 5}, kFrame, 1);
  }
  for (double t : layout.y_ticks) {
    const float y = layout.map(0, t).y;
    canvas.line({plot.x, y}, {plot.right(), y}, kGrid, 1);
    canvas.line({plot.x - 5, y}, {plot.x, y}, kFrame, 1);
  }
  // All bands below all lines, so no band hides another series' line.
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    if (!spec.series[i].y_low.empty()) draw_series(canvas, layout, spec.series[i], layout.colors[i], true);
  }
  for (std::size_t i = 0; i < spec.series.size(); ++i) {
    draw_series(canvas, layout, spec.series[i], layout.colors[i], false);
  }
  canvas.stroke_rect(plot, kFrame, 1, "frame");
  if (layout.legend.w > 0) {
    canvas.fill_rect(layout.legend, kWhite, "legend");
    canvas.stroke_rect(layout.legend, {180, 180, 180}, 1, "legend-frame");
    for (const LegendEntry& e : layout.legend_entries) {
      canvas.line(e.swatch_from, e.swatch_to, e.color, 3);
    }
  }
  for (const PlacedText& t : layout.texts) canvas.text(t.at, t.text, t.style);
}

}  // namespace

void draw_line_chart(const LineChartSpec& spec, const std::filesystem::path& out) {
  plot_format_for(out);  // a wrong extension is reported before any work
  const LineChartLayout layout = layout_line_chart(spec);
  render_to_file(out, layout.width, layout.height, [&](Canvas& canvas) { draw(canvas, spec, layout); });
}

}  // namespace mann::plot
