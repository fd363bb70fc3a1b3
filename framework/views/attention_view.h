#pragma once
// One example's attention, ready to draw or save: `mann attention` asks a model's views for it and writes the
// panels as heatmaps (SVG/PNG) or as datasets of an HDF5 file. Models fill in the words that make the
// picture readable (story sentences, tokens, the question and answer), so the drawing code knows no model.
#include <optional>
#include <string>
#include <vector>

#include "framework/io/plot/heatmap.h"
#include "framework/io/plot/image_grid.h"

namespace mann {

struct AttentionView {
  std::string title;  // the example in words, e.g. "Where is Mary? -> bathroom (predicted: bathroom)"
  std::vector<std::string>
      panel_names;  // one short identifier per panel, used as HDF5 dataset names: "hops", "read0"
  std::vector<plot::HeatmapSpec>
      panels;  // MemN2N: sentences x hops; NTM: slots x time per head; seq2seq: output x input
  // Image models: the input with where the model looked (glimpse boxes, attention overlays). When set,
  // `mann attention` draws this instead of the panels, which then serve the HDF5 export.
  std::optional<plot::ImageGridSpec> image;
};

// The common case: one matrix of weights in [0, 1] with a fixed colour range, so that pictures of
// different examples compare.
inline AttentionView single_panel_view(std::string title, std::string panel_name, plot::HeatmapSpec panel) {
  panel.vmin = 0.f;
  panel.vmax = 1.f;
  AttentionView view;
  view.title = std::move(title);
  view.panel_names = {std::move(panel_name)};
  view.panels = {std::move(panel)};
  return view;
}

}  // namespace mann
