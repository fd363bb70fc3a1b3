#pragma once
// Where every part of a heatmap goes, computed once from the spec and shared by the SVG and PNG output.
// Sizes are bounded: cells shrink (down to fractions of a pixel) so that any matrix fits within
// kMaxHeatmapWidth x kMaxHeatmapHeight, labels are truncated, and labels that would collide are thinned
// out (every 2nd, 5th, 10th, ... shown) or turned vertical.
#include <string>
#include <vector>

#include "framework/io/plot/canvas.h"
#include "framework/io/plot/heatmap.h"

namespace mann::plot {

inline constexpr float kMaxHeatmapWidth = 2000;
inline constexpr float kMaxHeatmapHeight = 2000;
// Several heatmaps go side by side while their row stays within this width (draw_heatmaps).
inline constexpr float kMaxFigureWidth = 2400;
// Colour bar ticks stick out this far; their numbers start a clear gap after (a tick touching "1.0"
// reads "-1.0").
inline constexpr float kColorbarTickLength = 4, kColorbarTickLabelGap = 8;

struct HeatmapLayout {
  float width = 0, height = 0;  // the whole block, from y = top to y = top + height
  RectF plot;                   // the cell grid
  float cell_w = 0, cell_h = 0;
  float vmin = 0, vmax = 1;                    // resolved colour range
  int row_label_step = 1, col_label_step = 1;  // 1: every label shown
  bool col_labels_vertical = false;
  int value_scale = 0;     // font scale for in-cell values; 0: values not shown (off, or cells too small)
  int value_decimals = 2;  // decimals of in-cell values; -1: compact general format
  RectF colorbar;
  std::vector<float> colorbar_ticks;  // values; positions via colorbar_y()
  std::vector<RectF> marked_cells, marked_rows;
  float divider_x = -1;           // the spec's divider line, when it has one
  std::vector<PlacedText> texts;  // title, axis titles, row and column labels, colour bar tick labels

  RectF cell(Index row, Index col) const {
    return {plot.x + static_cast<float>(col) * cell_w, plot.y + static_cast<float>(row) * cell_h, cell_w,
            cell_h};
  }
  // The in-cell text for a value.
  std::string value_text(float value) const;
  float colorbar_y(float value) const {
    return colorbar.bottom() - (value - vmin) / (vmax - vmin) * colorbar.h;
  }
};

// Validates the spec (UserError) and lays it out with its top edge at y = top; the cell grid is at most
// max_plot_width wide (0: the single-heatmap limit), so panels that share a figure can be narrower.
HeatmapLayout layout_heatmap(const HeatmapSpec& spec, float top = 0, float max_plot_width = 0);

// Moves a laid-out block by (dx, dy), to place it beside or below others.
void shift_layout(HeatmapLayout& layout, float dx, float dy);

}  // namespace mann::plot
