#pragma once
// The attention views of the recurrent attention model: where it looked on one image. The picture is the
// image with one box per glimpse and scale, coloured by step from dark red (first) to yellow (last), and,
// for grid attention, one more image per chosen location with the weights over the candidate grid
// overlaid (brighter = more weight) and the chosen glimpse outlined. The panels (for the HDF5 export) are
// the locations (glimpses x 2) and, for grid attention, the weights (glimpses - 1 x G*G).
#include "framework/views/attention_views.h"
#include "models/image/image_learner.h"
#include "models/ram/ram_model.h"

namespace mann {

class RamViews : public AttentionViews {
 public:
  /// Views of `model` trained by `learner` (both must outlive the views); the first glimpse of example
  /// `index` is drawn from (eval_seed, split, index), so a view repeats.
  RamViews(ImageLearner& learner, RamModel& model, uint64_t eval_seed);

  /// "locations" (glimpses x 2: x, y in [-1, 1]) and "label_prediction" (1 x 2) of one test example drawn
  /// through `rng`.
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  // One evaluation pass over example `index` of `split`: where the model looked and what it answered.
  struct Look {
    GlimpsePath path;
    int label = 0, predicted = 0;
    Matrix pixels;  // 1 x H*W
  };
  Look look(const std::string& split, int64_t index);

  ImageLearner& learner_;
  RamModel& model_;
  uint64_t eval_seed_;
};

// The boxes of one glimpse at `location` (x, y in [-1, 1]) on a height x width image: `scales` squares of
// side patch, 2 patch, ..., as the glimpse sensor reads them (ops_image.h), clipped to the height x width
// image (beyond it the sensor reads zeros; a box wholly outside is left out), all on image `image`. The
// smallest box carries `label` (the glimpse's step number, as the RAM paper numbers its glimpse paths).
std::vector<plot::ImageMark> glimpse_boxes(const Matrix& location, int height, int width, int patch,
                                           int scales, int image, plot::Color color,
                                           const std::string& label);

}  // namespace mann
