#pragma once
// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28x28 greyscale pictures of Zalando articles in 10
// classes, 60,000 for training and 10,000 for testing, read from Debian's dataset-fashion-mnist files
// (datasets/image/fashion_mnist_files.h) and shown on the canvases of a variant (canvas_variant.h).
//
// Validation split: the LAST validation_size items (5,000 by default) of the 60,000-item training file,
// so train is items 0..54,999 and valid items 55,000..59,999 of that file, whatever the seed. The file's
// order is already random, and these 5,000 hold 450..527 items of each class. Test is the t10k file.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "datasets/image/canvas_variant.h"
#include "datasets/image/fashion_mnist_files.h"
#include "datasets/image/image_classification_data.h"

namespace mann {

// Side of every Fashion-MNIST image, in pixels.
inline constexpr int kFashionMnistSide = 28;

// "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
// by label 0..9.
const std::vector<std::string>& fashion_mnist_class_names();

struct FashionMnistOptions {
  std::string data_dir;        // --data-dir / config value; empty: $MANN_DATA, then the Debian directory
  CanvasVariant variant;       // plain 28x28 by default
  std::uint64_t seed = 0;      // seeds every placement; fixed by default so that all runs see the same data
  int validation_size = 5000;  // items held out of the end of the training file
};

// The three splits' items and the class names, decoded from the files once. Throws UserError when the files
// are missing (naming the package), unreadable or malformed, or when validation_size is not in
// 1..59,999.
std::shared_ptr<const ImageSplits> load_fashion_mnist_splits(
    const std::string& data_dir_value, int validation_size,
    const std::string& system_dir = kFashionMnistSystemDir);

// The same shown on canvases of options.variant with options.seed.
ImageClassificationData load_fashion_mnist(const FashionMnistOptions& options);

}  // namespace mann
