#include "datasets/image/corner_square.h"

#include <algorithm>
#include <string>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

// `count` items of the task, drawn from `rng`: labels cycle through the corners so every class is equally
// frequent.
LabelledImages corner_items(const CornerSquareOptions& o, int count, Rng& rng) {
  LabelledImages set;
  set.height = set.width = o.side;
  set.pixels.assign(static_cast<std::size_t>(count) * o.side * o.side, 0);
  for (int i = 0; i < count; ++i) {
    const int corner = i % 4;
    const int inset_x = rng.uniform_int(o.max_inset + 1), inset_y = rng.uniform_int(o.max_inset + 1);
    const int left = (corner % 2 == 0) ? inset_x : o.side - o.square - inset_x;
    const int top = (corner < 2) ? inset_y : o.side - o.square - inset_y;
    std::uint8_t* image = set.pixels.data() + static_cast<std::size_t>(i) * o.side * o.side;
    for (int y = top; y < top + o.square; ++y) std::fill_n(image + y * o.side + left, o.square, 255);
    set.labels.push_back(corner);
  }
  return set;
}

}  // namespace

const std::vector<std::string>& corner_square_class_names() {
  static const std::vector<std::string> names = {"top-left", "top-right", "bottom-left", "bottom-right"};
  return names;
}

std::shared_ptr<const ImageSplits> make_corner_square_splits(const CornerSquareOptions& o) {
  if (o.side < 8 || o.side > 512) throw UserError("corner_square: side must be in 8..512");
  if (o.square < 1 || o.max_inset < 0 || o.square + o.max_inset > o.side / 2)
    throw UserError("corner_square: need square >= 1, max_inset >= 0 and square + max_inset <= side / 2");
  if (o.train_items <= 0 || o.eval_items <= 0) throw UserError("corner_square: item counts must be positive");
  Rng rng(o.seed);
  auto splits = std::make_shared<ImageSplits>();
  splits->train = corner_items(o, o.train_items, rng);
  splits->valid = corner_items(o, o.eval_items, rng);
  splits->test = corner_items(o, o.eval_items, rng);
  splits->class_names = corner_square_class_names();
  return splits;
}

ImageClassificationData corner_square_data(const CornerSquareOptions& o) {
  const CanvasVariant own_canvas{.canvas = o.side, .clutter = 0, .piece_size = std::min(8, o.side)};
  return ImageClassificationData(make_corner_square_splits(o), own_canvas, o.seed);
}

}  // namespace mann
