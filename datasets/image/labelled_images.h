#pragma once
// A set of small greyscale images with a class label each, as the IDX files of the MNIST family store
// them: 8-bit pixels (0 background, 255 full ink), every image the same size.
#include <cstdint>
#include <string>
#include <vector>

namespace mann {

struct LabelledImages {
  int height = 0, width = 0;         // of every image
  std::vector<std::uint8_t> pixels;  // size() * height * width; image i starts at i * height * width
  std::vector<int> labels;           // one class index per image, in [0, number of classes)

  // Number of images.
  int size() const { return static_cast<int>(labels.size()); }
  // Pixels of image i, row by row (index y * width + x).
  const std::uint8_t* image(int i) const {
    return pixels.data() + static_cast<std::size_t>(i) * height * width;
  }
};

// The images of an IDX image file (rank 3: count x height x width) with the labels of an IDX label file
// (rank 1: count), both gzip-compressed. Throws UserError naming the files when either is unreadable or
// malformed, when the counts differ, or when a label is not below `num_classes`.
LabelledImages read_idx_labelled_images(const std::string& images_path, const std::string& labels_path,
                                        int num_classes);

// Moves the last `count` images of `all` into a set of their own and returns it; `all` keeps the rest.
// Throws UserError unless 0 <= count < all.size().
LabelledImages split_off_last(LabelledImages& all, int count);

}  // namespace mann
