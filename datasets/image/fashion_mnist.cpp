#include "datasets/image/fashion_mnist.h"

#include "datasets/image/labelled_images.h"
#include "framework/autodiff/errors.h"

namespace mann {

const std::vector<std::string>& fashion_mnist_class_names() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

std::shared_ptr<const ImageSplits> load_fashion_mnist_splits(const std::string& data_dir_value,
                                                             int validation_size,
                                                             const std::string& system_dir) {
  if (validation_size < 1)
    throw UserError("Fashion-MNIST needs a validation split of at least 1 item, not " +
                    std::to_string(validation_size));
  const FashionMnistFiles files = find_fashion_mnist_files(data_dir_value, system_dir);
  const int classes = static_cast<int>(fashion_mnist_class_names().size());
  auto splits = std::make_shared<ImageSplits>();
  splits->train = read_idx_labelled_images(files.train_images, files.train_labels, classes);
  splits->valid = split_off_last(splits->train, validation_size);
  splits->test = read_idx_labelled_images(files.test_images, files.test_labels, classes);
  splits->class_names = fashion_mnist_class_names();
  return splits;
}

ImageClassificationData load_fashion_mnist(const FashionMnistOptions& options) {
  return ImageClassificationData(load_fashion_mnist_splits(options.data_dir, options.validation_size),
                                 options.variant, options.seed);
}

}  // namespace mann
