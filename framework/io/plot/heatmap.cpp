#include "framework/io/plot/heatmap.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/colormap.h"
#include "framework/io/plot/heatmap_layout.h"
#include "framework/io/plot/render_file.h"

namespace mann::plot {

namespace {

constexpr Color kMarkedCell{228, 26, 28};
constexpr Color kMarkedRow{255, 127, 0};
constexpr Color kFrame{90, 90, 90};
constexpr float kDividerOverhang = 6;  // the divider line reaches up towards its label
constexpr std::size_t kPanelsPerRow = 4;
// Around a panel's cells: labels, colour bar, margins; and the least width its cells get.
constexpr float kPanelChrome = 200, kMinPanelPlotWidth = 240;

void draw_layout(Canvas& canvas, const HeatmapSpec& spec, const HeatmapLayout& layout) {
  const ValueColors colors(layout.vmin, layout.vmax);
  for (Index r = 0; r < spec.values.rows(); ++r) {
    for (Index c = 0; c < spec.values.cols(); ++c)
      canvas.fill_rect(layout.cell(r, c), colors(spec.values(r, c)), "cell");
  }
  if (layout.value_scale > 0) {
    for (Index r = 0; r < spec.values.rows(); ++r) {
      for (Index c = 0; c < spec.values.cols(); ++c) {
        const float v = spec.values(r, c);
        TextStyle style;
        style.scale = layout.value_scale;
        style.anchor = Anchor::kMiddle;
        // Dark text on the bright end of the map, white on the dark end.
        style.color = luminance(colors(v)) > 128 ? kBlack : kWhite;
        canvas.text(layout.cell(r, c).centre(), layout.value_text(v), style);
      }
    }
  }
  canvas.stroke_rect(layout.plot, kFrame, 1, "frame");

  // Marks on top of the cells; thinner outlines when cells are tiny, so the marked cell stays visible.
  const float mark_width = std::min(layout.cell_w, layout.cell_h) >= 8 ? 2.0f : 1.0f;
  for (const RectF& row : layout.marked_rows) canvas.stroke_rect(row, kMarkedRow, mark_width, "marked-row");
  for (const RectF& cell : layout.marked_cells) canvas.stroke_rect(cell, kMarkedCell, mark_width, "mark");

  // Colour bar: strips from vmax at the top to vmin at the bottom, each overlapping the next by half a
  // pixel so SVG anti-aliasing shows no seams.
  const RectF& bar = layout.colorbar;
  const int strips = std::clamp(static_cast<int>(bar.h), 2, 256);
  const float strip_h = bar.h / static_cast<float>(strips);
  for (int i = 0; i < strips; ++i) {
    const float t = 1 - (static_cast<float>(i) + 0.5f) / static_cast<float>(strips);
    const float y = bar.y + static_cast<float>(i) * strip_h;
    const float h = i + 1 < strips ? strip_h + 0.5f : bar.bottom() - y;
    canvas.fill_rect(bar.x, y, bar.w, h, Colormap::viridis().at(t), "colorbar");
  }
  canvas.stroke_rect(bar, kFrame, 1, "colorbar-frame");
  for (float tick : layout.colorbar_ticks) {
    const float y = layout.colorbar_y(tick);
    canvas.line({bar.right(), y}, {bar.right() + kColorbarTickLength, y}, kFrame, 1);
  }
  if (layout.divider_x >= 0)
    canvas.line({layout.divider_x, layout.plot.y - kDividerOverhang},
                {layout.divider_x, layout.plot.bottom()}, kMarkedRow, 2);

  for (const PlacedText& t : layout.texts) canvas.text(t.at, t.text, t.style);
}

}  // namespace

void draw_heatmap(const HeatmapSpec& spec, const std::filesystem::path& out) {
  draw_heatmaps({spec}, out);
}

void draw_heatmaps(const std::vector<HeatmapSpec>& specs, const std::filesystem::path& out) {
  plot_format_for(out);  // a wrong extension is reported before any work
  if (specs.empty()) throw UserError("no heatmaps to draw into " + out.string());
  // Left to right, a new row when the next block would pass kMaxFigureWidth.
  // Panels that share a row get a share of the figure's width for their cells (4 NTM heads: 400 px each).
  const std::size_t per_row = std::min<std::size_t>(specs.size(), kPanelsPerRow);
  const float plot_width =
      specs.size() > 1
          ? std::max(kMinPanelPlotWidth, kMaxFigureWidth / static_cast<float>(per_row) - kPanelChrome)
          : 0;
  std::vector<HeatmapLayout> layouts;
  float width = 0, height = 0, row_x = 0, row_height = 0;
  for (const HeatmapSpec& spec : specs) {
    HeatmapLayout layout = layout_heatmap(spec, 0, plot_width);
    if (row_x > 0 && row_x + layout.width > kMaxFigureWidth) {
      height += row_height;
      row_x = row_height = 0;
    }
    shift_layout(layout, row_x, height);
    row_x += layout.width;
    row_height = std::max(row_height, layout.height);
    width = std::max(width, row_x);
    layouts.push_back(std::move(layout));
  }
  height += row_height;
  render_to_file(out, width, height, [&](Canvas& canvas) {
    for (std::size_t i = 0; i < specs.size(); ++i) draw_layout(canvas, specs[i], layouts[i]);
  });
}

}  // namespace mann::plot
