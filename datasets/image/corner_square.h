#pragma once
// A toy image task for fast learning tests of image classifiers: a bright square in one of the four
// corners of a dark side x side canvas (by default 40 x 40), the class being the corner. The square sits a
// few pixels in from its corner (a random inset) so items differ; a glimpse model must look near the
// corners to tell them apart, a whole-image model learns it at once.
#include <cstdint>
#include <memory>

#include "datasets/image/image_classification_data.h"

namespace mann {

struct CornerSquareOptions {
  int side = 40;           // canvas side in pixels
  int square = 8;          // side of the bright square
  int max_inset = 3;       // the square's distance from its corner is uniform in 0..max_inset (both axes)
  int train_items = 2000;  // items per split
  int eval_items = 400;    // valid and test items each
  std::uint64_t seed = 0;  // seeds the items
};

// "top-left", "top-right", "bottom-left", "bottom-right": the class names, by label 0..3.
const std::vector<std::string>& corner_square_class_names();

// The three splits of the task (different draws of the same generator). Throws UserError unless
// 8 <= side <= 512, 1 <= square and square + max_inset <= side / 2, max_inset >= 0 and the item counts
// are positive.
std::shared_ptr<const ImageSplits> make_corner_square_splits(const CornerSquareOptions& options);

// The task shown on its own canvas (no translation, no clutter), ready for a learner.
ImageClassificationData corner_square_data(const CornerSquareOptions& options);

}  // namespace mann
