#pragma once
// Synthetic labelled images for tests of the image datasets: items whose pixels are never 0 and differ
// between items and places (synthetic_pixel), so an item can be found on a canvas by its values.
#include <memory>

#include "datasets/image/image_classification_data.h"
#include "datasets/image/labelled_images.h"
#include "tests/support/idx_files.h"

namespace mann::testing {

// n synthetic 28x28 items numbered first_item.., labels (first_item + i) % 10.
inline mann::LabelledImages synthetic_set(int n, int first_item) {
  mann::LabelledImages set;
  set.height = set.width = 28;
  for (int i = 0; i < n; ++i) {
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) set.pixels.push_back(synthetic_pixel(first_item + i, y, x));
    set.labels.push_back((first_item + i) % 10);
  }
  return set;
}

// 30 training, 10 validation and 10 test items, all different.
inline std::shared_ptr<const mann::ImageSplits> synthetic_splits() {
  static const auto splits = std::make_shared<const mann::ImageSplits>(
      mann::ImageSplits{synthetic_set(30, 0),
                        synthetic_set(10, 30),
                        synthetic_set(10, 40),
                        {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"}});
  return splits;
}

}  // namespace mann::testing
