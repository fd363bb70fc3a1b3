#pragma once
// Where every part of a line chart goes, computed once from the spec and shared by SVG and PNG output.
#include <vector>

#include "framework/io/plot/canvas.h"
#include "framework/io/plot/line_chart.h"

namespace mann::plot {

struct LegendEntry {
  PointF swatch_from, swatch_to;  // a short line in the series colour
  Color color;
};

struct LineChartLayout {
  float width = 0, height = 0;
  RectF plot;
  bool log_y = false;
  double x_lo = 0, x_hi = 1;  // axis ranges; for a log axis y_lo and y_hi are log10 of the values
  double y_lo = 0, y_hi = 1;
  std::vector<double> x_ticks, y_ticks;  // data values (not log10)
  std::vector<Color> colors;             // one per series
  RectF legend;                          // w == 0: no legend
  std::vector<LegendEntry> legend_entries;
  std::vector<PlacedText> texts;  // title, axis titles, tick labels, legend names

  // Pixel position of a data point (y is the value itself, also on a log axis).
  PointF map(double x, double y) const;
};

// Validates the spec (UserError) and lays it out.
LineChartLayout layout_line_chart(const LineChartSpec& spec);

// x of point i of a series: its x value, or i when the series has no x values.
inline double series_x(const LineSeries& s, std::size_t i) {
  return s.x.empty() ? static_cast<double>(i) : s.x[i];
}

}  // namespace mann::plot
