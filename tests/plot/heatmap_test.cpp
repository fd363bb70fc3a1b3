#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/colormap.h"
#include "framework/io/plot/font.h"
#include "framework/io/plot/heatmap.h"
#include "framework/io/plot/heatmap_layout.h"
#include "tests/plot/plot_test_util.h"

namespace mann::plot {
namespace {

using testing::count_of;

HeatmapSpec memn2n_like() {
  HeatmapSpec spec;
  spec.values.resize(4, 3);
  spec.values << 0.05f, 0.1f, 0.02f,  //
      0.8f, 0.1f, 0.03f,              //
      0.1f, 0.7f, 0.05f,              //
      0.05f, 0.1f, 0.9f;
  spec.row_labels = {"mary moved to the bathroom .", "john went to the hallway .", "<b>daniel & 'sandra'</b>",
                     "mary travelled to the office ."};
  spec.col_labels = {"hop 1", "hop 2", "hop 3"};
  spec.title = "where is mary ? -> office";
  spec.x_title = "hop";
  spec.y_title = "story";
  spec.marked_cells = {{3, 2}, {1, 0}};
  spec.marked_rows = {3};
  return spec;
}

TEST_CASE("heatmap PNG: cell centres take the colormap's ends for values 0 and 1") {
  testing::TempDir dir;
  HeatmapSpec spec;
  spec.values.resize(2, 2);
  spec.values << 0, 1, 1, 0;
  const auto path = dir.path("two.png");
  draw_heatmap(spec, path);
  const testing::DecodedPng png = testing::decode_png(path);
  const HeatmapLayout layout = layout_heatmap(spec);
  CHECK(png.width == static_cast<int>(std::ceil(layout.width)));
  CHECK(png.height == static_cast<int>(std::ceil(layout.height)));
  const Color low = Colormap::viridis().at(0), high = Colormap::viridis().at(1);
  auto centre = [&](int r, int c) {
    const PointF p = layout.cell(r, c).centre();
    return png.pixel(static_cast<int>(p.x), static_cast<int>(p.y));
  };
  CHECK(centre(0, 0) == low);
  CHECK(centre(0, 1) == high);
  CHECK(centre(1, 0) == high);
  CHECK(centre(1, 1) == low);
  // The colour bar runs from high (top) to low (bottom).
  const RectF& bar = layout.colorbar;
  const int bar_x = static_cast<int>(bar.centre().x);
  CHECK(std::abs(luminance(png.pixel(bar_x, static_cast<int>(bar.y + 2))) - luminance(high)) < 6);
  CHECK(std::abs(luminance(png.pixel(bar_x, static_cast<int>(bar.bottom() - 3))) - luminance(low)) < 6);
}

TEST_CASE("heatmap SVG: one rect per cell, escaped labels, colour bar, balanced tags") {
  testing::TempDir dir;
  const HeatmapSpec spec = memn2n_like();
  const auto path = dir.path("memn2n.svg");
  draw_heatmap(spec, path);
  const std::string svg = testing::read_text(path);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(count_of(svg, "class=\"cell\"") == 12);
  CHECK(count_of(svg, "class=\"colorbar\"") > 10);
  CHECK(count_of(svg, "class=\"colorbar-frame\"") == 1);
  CHECK(count_of(svg, "<svg ") == 1);
  CHECK(count_of(svg, "</svg>") == 1);
  CHECK(count_of(svg, "<text ") == count_of(svg, "</text>"));
  CHECK(svg.find("&lt;b&gt;daniel &amp; &apos;sandra&apos;&lt;/b&gt;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find(">hop 2</text>") != std::string::npos);
  CHECK(svg.find(">mary moved to the bathroom .</text>") != std::string::npos);
  CHECK(svg.find(">where is mary ? -&gt; office</text>") != std::string::npos);
  CHECK(count_of(svg, "class=\"mark\"") == 2);
  CHECK(count_of(svg, "class=\"marked-row\"") == 1);
  CHECK_FALSE(layout_heatmap(spec).col_labels_vertical);  // cells widened so "hop 1" reads level
  // Text is fully escaped, so every '<' and '>' belongs to a tag we emitted.
  CHECK(count_of(svg, "<") == count_of(svg, ">"));
  CHECK(count_of(svg, "<") == count_of(svg, "/>") + 2 * count_of(svg, "</") + 1);  // +1: <?xml ... ?>
}

TEST_CASE("heatmap PNG: marked cells are outlined") {
  testing::TempDir dir;
  const HeatmapSpec spec = memn2n_like();
  const auto path = dir.path("memn2n.png");
  draw_heatmap(spec, path);
  const testing::DecodedPng png = testing::decode_png(path);
  const HeatmapLayout layout = layout_heatmap(spec);
  const RectF marked = layout.cell(1, 0), plain = layout.cell(2, 0);
  const Color red{228, 26, 28};
  CHECK(png.pixel(static_cast<int>(marked.x + 1), static_cast<int>(marked.centre().y)) == red);
  CHECK(png.pixel(static_cast<int>(marked.centre().x), static_cast<int>(marked.y)) == red);
  CHECK(png.pixel(static_cast<int>(plain.x + 1), static_cast<int>(plain.centre().y)) != red);
  CHECK(layout.marked_cells.size() == 2);
}

TEST_CASE("heatmap layout: 100 x 128 stays within the size cap, labels thinned and vertical") {
  HeatmapSpec spec;
  spec.values = Matrix::Random(100, 128).cwiseAbs();
  spec.title = "NTM write weighting";
  spec.x_title = "memory slot";
  spec.y_title = "time step";
  const HeatmapLayout layout = layout_heatmap(spec);
  CHECK(layout.width <= kMaxHeatmapWidth);
  CHECK(layout.height <= kMaxHeatmapHeight);
  CHECK(layout.cell_w >= 1);
  CHECK(layout.cell_h >= 1);
  CHECK(layout.col_labels_vertical);
  CHECK(layout.col_label_step > 1);
  int shown_col_labels = 0;
  for (const PlacedText& t : layout.texts) shown_col_labels += t.style.vertical;
  CHECK(shown_col_labels < 128);
  CHECK(shown_col_labels == (128 + layout.col_label_step - 1) / layout.col_label_step + 1);  // + y title
  CHECK(layout.row_label_step >= 1);
  // Shown labels never overlap: neighbours are at least one text line apart.
  CHECK(static_cast<float>(layout.col_label_step) * layout.cell_w >= 16);
  CHECK(static_cast<float>(layout.row_label_step) * layout.cell_h >= 16);

  testing::TempDir dir;
  draw_heatmap(spec, dir.path("ntm.png"));
  const testing::DecodedPng png = testing::decode_png(dir.path("ntm.png"));
  CHECK(png.width <= kMaxHeatmapWidth);
  CHECK(png.height <= kMaxHeatmapHeight);
}

TEST_CASE("heatmap layout: huge matrices get sub-pixel cells, long labels are truncated") {
  HeatmapSpec spec;
  spec.values = Matrix::Zero(5, 5000);
  spec.values(0, 4999) = 1;
  spec.row_labels = {"short", std::string(200, 'x'), "c", "d", "e"};
  const HeatmapLayout layout = layout_heatmap(spec);
  CHECK(layout.width <= kMaxHeatmapWidth);
  CHECK(layout.cell_w < 1);
  bool found_truncated = false;
  for (const PlacedText& t : layout.texts) {
    CHECK(t.text.size() <= 40);
    if (t.text.find("xx..") != std::string::npos) found_truncated = true;
  }
  CHECK(found_truncated);
  testing::TempDir dir;
  draw_heatmap(spec, dir.path("wide.png"));
  const testing::DecodedPng png = testing::decode_png(dir.path("wide.png"));
  // Sub-pixel cells tile the grid without gaps: no background shows through.
  const int y = static_cast<int>(layout.cell(2, 0).centre().y);
  for (int x = static_cast<int>(layout.plot.x) + 1; x < static_cast<int>(layout.plot.right()) - 1; ++x) {
    REQUIRE(png.pixel(x, y) == Colormap::viridis().at(0));
  }
}

TEST_CASE("heatmaps go side by side, each with its own colour bar, in rows within the figure width") {
  testing::TempDir dir;
  HeatmapSpec read, write;
  read.values = Matrix::Constant(8, 20, 0.5f);
  read.title = "read";
  write.values = Matrix::Identity(8, 20);
  write.title = "write";
  draw_heatmaps({read, write}, dir.path("ntm.svg"));
  const std::string svg = testing::read_text(dir.path("ntm.svg"));
  CHECK(count_of(svg, "class=\"cell\"") == 2 * 8 * 20);
  CHECK(count_of(svg, "class=\"colorbar-frame\"") == 2);
  const float w = layout_heatmap(read).width + layout_heatmap(write).width;
  const float h = std::max(layout_heatmap(read).height, layout_heatmap(write).height);
  CHECK(svg.find("width=\"" + std::to_string(static_cast<int>(std::ceil(w))) + "\"") != std::string::npos);
  CHECK(svg.find("height=\"" + std::to_string(static_cast<int>(std::ceil(h))) + "\"") != std::string::npos);
  draw_heatmaps({read, write}, dir.path("ntm.png"));
  CHECK(testing::decode_png(dir.path("ntm.png")).height == static_cast<int>(std::ceil(h)));

  // Four NTM heads of 128 slots: a picture wider than tall, never a tall stack.
  HeatmapSpec head;
  head.values = Matrix::Constant(128, 41, 0.1f);
  head.title = "copy, length 20 (test example 0): read head 0 weighting";
  draw_heatmaps({head, head, head, head}, dir.path("heads.png"));
  const testing::DecodedPng heads = testing::decode_png(dir.path("heads.png"));
  CHECK(heads.width <= static_cast<int>(kMaxFigureWidth));
  CHECK(heads.height < 2 * static_cast<int>(layout_heatmap(head).height) + 1);
}

TEST_CASE("heatmap text: tick numbers clear of their ticks, long titles wrapped inside the block") {
  HeatmapSpec spec;
  spec.values = Matrix::Constant(6, 5, 0.5f);
  spec.vmin = -1;
  spec.vmax = 1;
  spec.title =
      std::string("a long title ") + std::string(40, 'w') + " that keeps going well past a narrow block";
  const HeatmapLayout layout = layout_heatmap(spec);
  int tick_labels = 0, title_lines = 0;
  for (const PlacedText& t : layout.texts) {
    if (t.at.x > layout.colorbar.right() && t.style.anchor == Anchor::kStart) {
      ++tick_labels;
      CHECK(t.at.x - layout.colorbar.right() >= kColorbarTickLength + 6);
    }
    if (t.at.y < layout.plot.y && t.style.anchor == Anchor::kMiddle) {
      ++title_lines;
      CHECK(static_cast<float>(text_width(t.text, t.style.scale)) <= layout.width - 2 * 12);
    }
  }
  CHECK(tick_labels >= 2);
  CHECK(title_lines >= 2);
}

TEST_CASE("a divider marks a column boundary, with its label above the cells") {
  HeatmapSpec spec;
  spec.values = Matrix::Constant(8, 10, 0.5f);
  spec.divider_col = 4;
  spec.divider_label = "output";
  const HeatmapLayout layout = layout_heatmap(spec);
  CHECK(layout.divider_x == doctest::Approx(layout.cell(0, 4).x));
  bool labelled = false;
  for (const PlacedText& t : layout.texts)
    labelled = labelled || (t.text == "output" && t.at.y < layout.plot.y);
  CHECK(labelled);
  testing::TempDir dir;
  draw_heatmap(spec, dir.path("divided.png"));
  const testing::DecodedPng png = testing::decode_png(dir.path("divided.png"));
  const int x = static_cast<int>(layout.divider_x), y = static_cast<int>(layout.cell(3, 0).centre().y);
  bool orange = false;  // the divider, not the cell colour (viridis' middle has little red)
  for (int dx : {-1, 0, 1}) orange = orange || png.pixel(x + dx, y).r > 200;
  CHECK(orange);
}

TEST_CASE("heatmap values in cells, colour range from spec and from flat data") {
  HeatmapSpec spec;
  spec.values.resize(2, 3);
  spec.values << 0.25f, 0.5f, 0.75f, 1, NAN, 0;
  spec.show_values = true;
  const HeatmapLayout layout = layout_heatmap(spec);
  CHECK(layout.value_scale > 0);
  CHECK(layout.vmin == 0);
  CHECK(layout.vmax == 1);
  testing::TempDir dir;
  draw_heatmap(spec, dir.path("values.svg"));
  const std::string svg = testing::read_text(dir.path("values.svg"));
  CHECK(svg.find(">0.25</text>") != std::string::npos);
  CHECK(svg.find(">0.50</text>") != std::string::npos);  // same decimals throughout
  CHECK(svg.find(">nan</text>") != std::string::npos);
  CHECK(svg.find(to_hex(ValueColors::kMissing)) != std::string::npos);

  spec.vmin = -1;
  spec.vmax = 2;
  CHECK(layout_heatmap(spec).vmin == -1);
  CHECK(layout_heatmap(spec).vmax == 2);
  HeatmapSpec flat;
  flat.values = Matrix::Constant(2, 2, 3);
  const HeatmapLayout flat_layout = layout_heatmap(flat);
  CHECK(flat_layout.vmin < 3);
  CHECK(flat_layout.vmax > 3);
}

TEST_CASE("heatmap refuses bad specs and unknown extensions with UserError") {
  testing::TempDir dir;
  HeatmapSpec spec = memn2n_like();
  CHECK_THROWS_WITH_AS(draw_heatmap(spec, dir.path("x.jpg")), doctest::Contains(".svg or .png"), UserError);
  spec.row_labels.pop_back();
  CHECK_THROWS_WITH_AS(draw_heatmap(spec, dir.path("x.svg")), "heatmap has 4 rows but 3 row labels",
                       UserError);
  spec = memn2n_like();
  spec.marked_cells = {{4, 0}};
  CHECK_THROWS_WITH_AS(draw_heatmap(spec, dir.path("x.svg")), doctest::Contains("outside the (4x3)"),
                       UserError);
  spec = memn2n_like();
  spec.marked_rows = {-1};
  CHECK_THROWS_AS(draw_heatmap(spec, dir.path("x.svg")), UserError);
  spec = memn2n_like();
  spec.vmin = 1;
  spec.vmax = 0;
  CHECK_THROWS_WITH_AS(draw_heatmap(spec, dir.path("x.png")), doctest::Contains("must be below vmax"),
                       UserError);
  CHECK_THROWS_AS(draw_heatmap(HeatmapSpec{}, dir.path("x.png")), UserError);
  CHECK_THROWS_AS(draw_heatmaps({}, dir.path("x.png")), UserError);
  CHECK(std::filesystem::is_empty(dir.dir()));
}

}  // namespace
}  // namespace mann::plot
