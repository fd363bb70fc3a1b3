#include "models/captioning/captioner_views.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "framework/views/grid_overlay.h"
#include "framework/views/token_row.h"
#include "models/captioning/captioner_learner.h"

namespace mann {

std::map<std::string, Matrix> CaptionerViews::attention_maps(Rng& rng) {
  const CaptionBatch batch = learner_.data().batch("test", {0});
  AddressingContext ctx{.training = false, .rng = &rng};
  const Decoded decoded = learner_.decode(batch, ctx, learner_.beam_size()).front();
  std::map<std::string, Matrix> maps{{"predicted", token_row(decoded.tokens)}};
  if (decoded.attention.size() > 0) maps["alignment"] = decoded.attention;
  return maps;
}

AttentionView CaptionerViews::attention_view(const std::string& split, int64_t index) {
  if (index < 0) throw UserError("example " + std::to_string(index) + " is out of range: indices start at 0");
  const CaptionBatch batch = learner_.data().batch(split, {index});
  Rng unused(0);
  AddressingContext ctx{.training = false, .rng = &unused};
  const Decoded decoded = learner_.decode(batch, ctx, learner_.beam_size()).front();
  if (decoded.attention.size() == 0) return {};
  const CaptionVocabulary& vocab = learner_.data().vocabulary();
  const std::string title =
      caption_text(batch.references.front().front()) + " -> " + caption_text(vocab.decode(decoded.tokens));
  plot::HeatmapSpec panel;
  panel.values = decoded.attention;
  for (int id : decoded.tokens) panel.row_labels.push_back(vocab.word(id));
  const auto [height, width] = learner_.grid();
  for (Index y = 0; y < height; ++y)
    for (Index x = 0; x < width; ++x) panel.col_labels.push_back(std::to_string(y) + "," + std::to_string(x));
  panel.title = split + " scene " + std::to_string(index) + ": " + title;
  panel.x_title = "place in the annotation grid (row,col)";
  panel.y_title = "generated word";
  AttentionView view = single_panel_view(panel.title, "alignment", panel);
  view.image =
      words_over_image(batch.images.pixels.row(0), panel, static_cast<int>(height), static_cast<int>(width));
  view.image->title = view.title;
  return view;
}

plot::ImageGridSpec CaptionerViews::words_over_image(const Matrix& pixels, const plot::HeatmapSpec& alignment,
                                                     int grid_height, int grid_width) const {
  const SceneCaptionData& data = learner_.data();
  const int h = data.height(), w = data.width();
  plot::ImageGridSpec grid;
  grid.height = h;
  grid.width = w;
  grid.scale = std::max(1, 96 / std::max(h, w));
  grid.columns = 6;
  const Index words = alignment.values.rows();
  grid.images.resize(1 + words, static_cast<Index>(h) * w);
  grid.images.row(0) = pixels;
  grid.captions.push_back("scene");
  for (Index t = 0; t < words; ++t) {
    grid.images.row(1 + t) =
        overlay_grid_weights(pixels, h, w, alignment.values.row(t), grid_height, grid_width);
    grid.captions.push_back(alignment.row_labels[static_cast<std::size_t>(t)]);
  }
  return grid;
}

}  // namespace mann
