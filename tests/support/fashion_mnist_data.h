#pragma once
// The real Fashion-MNIST files (Debian's dataset-fashion-mnist) for the tests that need them: the skip
// every such test starts with, and the decoded splits, read once per test run (decoding 70,000 items takes
// a noticeable fraction of a second).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "datasets/image/fashion_mnist.h"

namespace mann::testing {

// Whether the files are missing from /usr/share/datasets/fashion-mnist. The first call says so on stderr,
// so that a skipped test is never mistaken for a passed one.
inline bool fashion_mnist_missing() {
  static const bool missing = [] {
    std::error_code ec;
    const std::string file = std::string(kFashionMnistSystemDir) + "/train-images-idx3-ubyte.gz";
    if (std::filesystem::is_regular_file(file, ec)) return false;
    std::fprintf(stderr,
                 "mann tests: Fashion-MNIST not found in %s: the tests that need it are skipped. Install it "
                 "with `sudo apt-get install %s`.\n",
                 kFashionMnistSystemDir, kFashionMnistPackage);
    return true;
  }();
  return missing;
}

// The real splits with the default 5,000 validation items, decoded on first use.
inline std::shared_ptr<const ImageSplits> real_fashion_mnist() {
  static const std::shared_ptr<const ImageSplits> splits =
      load_fashion_mnist_splits(std::string(kFashionMnistSystemDir), FashionMnistOptions().validation_size);
  return splits;
}

}  // namespace mann::testing

// Decorates a test case that needs the real files: doctest skips it (counted as skipped) when they are
// missing. `TEST_CASE("..." MANN_NEEDS_FASHION_MNIST)`
#define MANN_NEEDS_FASHION_MNIST *doctest::skip(::mann::testing::fashion_mnist_missing())
