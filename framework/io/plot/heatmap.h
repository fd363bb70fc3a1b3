#pragma once
// Heatmaps of attention and memory weightings (MemN2N hops over story sentences, NTM read/write weightings
// over memory slots and time, seq2seq output x input tokens), written as SVG or PNG.
#include <cmath>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "framework/autodiff/matrix.h"

namespace mann::plot {

struct HeatmapSpec {
  Matrix values;                        // rows x cols; NaN/Inf cells are drawn grey
  std::vector<std::string> row_labels;  // empty: row indices; otherwise one per row
  std::vector<std::string> col_labels;  // empty: column indices; otherwise one per column
  std::string title, x_title, y_title;
  float vmin = NAN, vmax = NAN;                   // colour range; NaN: from the finite data
  std::vector<std::pair<int, int>> marked_cells;  // (row, col) outlined, e.g. supporting facts
  std::vector<int> marked_rows;                   // whole rows outlined and their labels highlighted
  bool show_values = false;                       // print each value in its cell when it fits
  int divider_col = -1;       // >= 0: a vertical line before this column, e.g. where an NTM's input ends
  std::string divider_label;  // what the line marks ("output"), written beside it above the cells
};

// Writes one heatmap with a colour bar; the format follows the extension (.svg or .png, otherwise a
// UserError). Invalid specs (empty matrix, label counts, marks out of range, vmin > vmax) are UserErrors.
void draw_heatmap(const HeatmapSpec& spec, const std::filesystem::path& out);

// Several heatmaps in one file (e.g. NTM read and write weightings), each with its own title, labels and
// colour bar: side by side, in as many rows as keep the picture within about kMaxFigureWidth pixels.
void draw_heatmaps(const std::vector<HeatmapSpec>& specs, const std::filesystem::path& out);

}  // namespace mann::plot
