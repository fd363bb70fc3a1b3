#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/line_chart.h"
#include "framework/io/plot/line_chart_layout.h"
#include "tests/plot/plot_test_util.h"

namespace mann::plot {
namespace {

using testing::count_of;

LineChartSpec learning_curves() {
  LineChartSpec spec;
  spec.title = "copy task: loss over 3 seeds";
  spec.x_title = "step";
  spec.y_title = "loss (bits)";
  for (int s = 0; s < 2; ++s) {
    LineSeries series;
    series.name = s == 0 ? "lstm" : "ntm";
    for (int k = 0; k <= 50; ++k) {
      const double mean = (s == 0 ? 0.7 : 0.5) * std::exp(-k / 15.0) + 0.01;
      series.x.push_back(k * 100);
      series.y.push_back(mean);
      series.y_low.push_back(mean * 0.8);
      series.y_high.push_back(mean * 1.25);
    }
    spec.series.push_back(series);
  }
  LineSeries eval;
  eval.name = "ntm (eval)";
  eval.x = {0, 2500, 5000};
  eval.y = {0.5, 0.1, 0.02};
  spec.series.push_back(eval);
  return spec;
}

TEST_CASE("line chart SVG: one band per banded series, one line per series, legend and titles") {
  testing::TempDir dir;
  const LineChartSpec spec = learning_curves();
  draw_line_chart(spec, dir.path("curves.svg"));
  const std::string svg = testing::read_text(dir.path("curves.svg"));
  CHECK(count_of(svg, "class=\"band\"") == 2);
  CHECK(count_of(svg, "class=\"series\"") == 3);
  CHECK(count_of(svg, "fill-opacity=\"0.25\"") == 2);
  CHECK(count_of(svg, "class=\"legend\"") == 1);
  CHECK(svg.find(">ntm (eval)</text>") != std::string::npos);
  CHECK(svg.find(">copy task: loss over 3 seeds</text>") != std::string::npos);
  CHECK(svg.find(">loss (bits)</text>") != std::string::npos);
  CHECK(svg.find(">5000</text>") != std::string::npos);  // x ticks are round numbers
  CHECK(count_of(svg, "<") == count_of(svg, ">"));
  CHECK(count_of(svg, "<text ") == count_of(svg, "</text>"));
}

TEST_CASE("line chart PNG decodes to the stated size and shows the band blended") {
  testing::TempDir dir;
  LineChartSpec spec = learning_curves();
  spec.width = 640;
  spec.height = 360;
  draw_line_chart(spec, dir.path("curves.png"));
  const testing::DecodedPng png = testing::decode_png(dir.path("curves.png"));
  CHECK(png.width == 640);
  CHECK(png.height == 360);
  // Just inside the upper edge of the first series' band, away from its line: a light tint of its colour.
  const LineChartLayout layout = layout_line_chart(spec);
  const LineSeries& s = spec.series[0];
  const PointF high = layout.map(s.x[5], s.y_high[5]), mean = layout.map(s.x[5], s.y[5]);
  REQUIRE(mean.y - high.y > 6);
  const Color tint = png.pixel(static_cast<int>(high.x), static_cast<int>(high.y + 2));
  CHECK(tint != kWhite);
  CHECK(luminance(tint) > luminance(series_color(0)));
  CHECK(png.pixel(static_cast<int>(mean.x), static_cast<int>(mean.y)) == series_color(0));
}

TEST_CASE("line chart layout: ticks are inside the axes and round") {
  const LineChartLayout layout = layout_line_chart(learning_curves());
  REQUIRE(layout.x_ticks.size() >= 3);
  CHECK(layout.x_ticks.front() >= layout.x_lo);
  CHECK(layout.x_ticks.back() <= layout.x_hi);
  for (double t : layout.x_ticks) CHECK(std::fmod(t, 500) == 0);
  REQUIRE(layout.y_ticks.size() >= 3);
  for (double t : layout.y_ticks) {
    CHECK(t >= layout.y_lo);
    CHECK(t <= layout.y_hi);
  }
  CHECK(layout.legend.w > 0);
  CHECK(layout.legend_entries.size() == 3);
  // Decaying curves leave the top-right corner free for the legend.
  CHECK(layout.legend.right() > layout.plot.centre().x);
  CHECK(layout.legend.y < layout.plot.centre().y);
}

TEST_CASE("line chart: log-scale y") {
  LineChartSpec spec = learning_curves();
  spec.log_y = true;
  const LineChartLayout layout = layout_line_chart(spec);
  CHECK(layout.log_y);
  REQUIRE(layout.y_ticks.size() >= 3);
  for (double t : layout.y_ticks) {  // 1, 2 or 5 times a power of ten
    const double mantissa = t / std::pow(10.0, std::floor(std::log10(t) + 1e-9));
    CHECK((std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9));
  }
  // Equal ratios are equal distances.
  const float d1 = layout.map(0, 0.01).y - layout.map(0, 0.1).y;
  const float d2 = layout.map(0, 0.1).y - layout.map(0, 1).y;
  CHECK(d1 == doctest::Approx(d2).epsilon(1e-3));
  testing::TempDir dir;
  draw_line_chart(spec, dir.path("log.svg"));
  draw_line_chart(spec, dir.path("log.png"));
  CHECK(testing::read_text(dir.path("log.svg")).find(">0.1</text>") != std::string::npos);
}

TEST_CASE("line chart: log scale refuses non-positive values with a clear UserError") {
  testing::TempDir dir;
  LineChartSpec spec = learning_curves();
  spec.log_y = true;
  spec.series[1].y[3] = 0;
  CHECK_THROWS_WITH_AS(draw_line_chart(spec, dir.path("log.png")),
                       "log-scale y axis needs positive values, but line chart series 'ntm' has y[3] = 0",
                       UserError);
  spec = learning_curves();
  spec.log_y = true;
  spec.series[0].y_low[7] = -0.5;
  CHECK_THROWS_WITH_AS(draw_line_chart(spec, dir.path("log.svg")), doctest::Contains("y_low[7] = -0.5"),
                       UserError);
  CHECK(std::filesystem::is_empty(dir.dir()));
}

TEST_CASE("line chart: NaN breaks a line, missing x means indices, single points still show") {
  LineChartSpec spec;
  LineSeries s;
  s.y = {1, 2, NAN, 3, 4, NAN, 5};
  spec.series.push_back(s);
  const LineChartLayout layout = layout_line_chart(spec);
  CHECK(layout.x_lo == 0);
  CHECK(layout.x_hi == 6);
  CHECK(layout.legend.w == 0);  // unnamed series: no legend
  testing::TempDir dir;
  draw_line_chart(spec, dir.path("gaps.svg"));
  const std::string svg = testing::read_text(dir.path("gaps.svg"));
  CHECK(count_of(svg, "class=\"series\"") == 2);
  CHECK(count_of(svg, "class=\"series-point\"") == 1);

  LineChartSpec flat;
  flat.series.push_back(
      {.name = "flat", .x = {3}, .y = {2}, .y_low = {}, .y_high = {}, .color = Color{1, 2, 3}});
  const LineChartLayout flat_layout = layout_line_chart(flat);
  CHECK(flat_layout.x_lo < 3);
  CHECK(flat_layout.x_hi > 3);
  CHECK(flat_layout.colors[0] == Color{1, 2, 3});
}

TEST_CASE("line chart refuses bad specs with UserError") {
  testing::TempDir dir;
  const auto out = dir.path("x.svg");
  CHECK_THROWS_WITH_AS(draw_line_chart(LineChartSpec{}, out), "line chart has no series", UserError);
  LineChartSpec spec = learning_curves();
  CHECK_THROWS_AS(draw_line_chart(spec, dir.path("x.pdf")), UserError);
  spec.series[0].x.pop_back();
  CHECK_THROWS_WITH_AS(draw_line_chart(spec, out), doctest::Contains("has 50 x values but 51 y values"),
                       UserError);
  spec = learning_curves();
  spec.series[1].y_high.clear();
  CHECK_THROWS_WITH_AS(draw_line_chart(spec, out), doctest::Contains("only one side of its band"), UserError);
  spec = learning_curves();
  spec.width = 50;
  CHECK_THROWS_AS(draw_line_chart(spec, out), UserError);
  spec = learning_curves();
  for (LineSeries& s : spec.series) std::fill(s.y.begin(), s.y.end(), NAN), s.y_low.clear(), s.y_high.clear();
  CHECK_THROWS_WITH_AS(draw_line_chart(spec, out), doctest::Contains("no finite data"), UserError);
}

}  // namespace
}  // namespace mann::plot
