#pragma once
// The attention views of the captioner: for each generated word, its attention over the annotation grid
// (Show, Attend and Tell, figures 2-3): drawn as the paper does, the scene and then one copy per word with
// the weights laid over the image (soft: the weights; hard: the chosen place), and kept as a panel of
// words x grid places for the HDF5 export.
#include "framework/views/attention_views.h"

namespace mann {

class CaptionerLearner;

class CaptionerViews : public AttentionViews {
 public:
  // Views of `learner`'s model on its scenes; the learner must outlive them.
  explicit CaptionerViews(CaptionerLearner& learner) : learner_(learner) {}

  // Test scene 0: "alignment" (words x places) and "predicted" (token ids).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // Scene `index` of `split`: the scene and each generated word's attention over it (image), the panel of
  // generated words x grid places ("row,col"), the references' first caption and the generated one in the
  // title. Empty without attention.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  // The scene, then one overlay per row of `alignment` captioned with its word.
  plot::ImageGridSpec words_over_image(const Matrix& pixels, const plot::HeatmapSpec& alignment,
                                       int grid_height, int grid_width) const;

  CaptionerLearner& learner_;
};

}  // namespace mann
