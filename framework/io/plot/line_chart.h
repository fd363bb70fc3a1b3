#pragma once
// Line charts for learning curves: several series, each optionally with a band (e.g. min..max or
// mean +- std over seeds) drawn as a translucent area, written as SVG or PNG.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "framework/io/plot/color.h"

namespace mann::plot {

struct LineSeries {
  std::string name;                   // legend entry; series with an empty name are left out of the legend
  std::vector<double> x;              // empty: 0, 1, 2, ...; otherwise one per y
  std::vector<double> y;              // the line; non-finite values break it
  std::vector<double> y_low, y_high;  // optional band: both empty or both the size of y
  std::optional<Color> color;         // default: the palette colour for the series' position
};

struct LineChartSpec {
  std::vector<LineSeries> series;
  std::string title, x_title, y_title;
  bool log_y = false;  // every finite y, y_low and y_high must then be positive
  int width = 800, height = 500;
};

// Writes the chart; the format follows the extension (.svg or .png, otherwise a UserError). Invalid specs
// (no data, size mismatches, non-positive values on a log axis, size outside 200..4000) are UserErrors.
void draw_line_chart(const LineChartSpec& spec, const std::filesystem::path& out);

// The colour series `index` gets by default: ten well-separated hues, repeating.
Color series_color(std::size_t index);

}  // namespace mann::plot
