#pragma once
// Where the Fashion-MNIST files (Xiao et al. 2017) are: Debian's `dataset-fashion-mnist` package installs
// them in /usr/share/datasets/fashion-mnist; a data directory (--data-dir, a config value or MANN_DATA, as
// for bAbI) is looked at first, in its `fashion-mnist` subfolder and then directly.
#include <string>
#include <vector>

namespace mann {

// Where Debian's dataset-fashion-mnist package puts the files.
inline constexpr const char* kFashionMnistSystemDir = "/usr/share/datasets/fashion-mnist";
// The package that provides them.
inline constexpr const char* kFashionMnistPackage = "dataset-fashion-mnist";

// Paths of the four gzip-compressed IDX files, all in one directory.
struct FashionMnistFiles {
  std::string directory;
  std::string train_images, train_labels;  // train-{images-idx3,labels-idx1}-ubyte.gz, 60,000 items
  std::string test_images, test_labels;    // t10k-{images-idx3,labels-idx1}-ubyte.gz, 10,000 items
};

// The file names, in the order train images, train labels, test images, test labels.
const std::vector<std::string>& fashion_mnist_file_names();

// The directories searched, in order: <data dir>/fashion-mnist and <data dir> when a data directory is given
// (`data_dir_value`, else $MANN_DATA), then `system_dir`.
std::vector<std::string> fashion_mnist_search_dirs(const std::string& data_dir_value,
                                                   const std::string& system_dir = kFashionMnistSystemDir);

// The files from the first searched directory that holds any of them (so the four never come from
// different places). Throws UserError naming the missing file(s), every place looked, where the data
// directory came from, and `apt-get install dataset-fashion-mnist`.
FashionMnistFiles find_fashion_mnist_files(const std::string& data_dir_value,
                                           const std::string& system_dir = kFashionMnistSystemDir);

}  // namespace mann
