// Loading Fashion-MNIST: the validation split on synthetic files, and the real Debian files (skipped when
// dataset-fashion-mnist is not installed; decoded once for the whole test run).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>

#include "datasets/image/fashion_mnist.h"
#include "framework/autodiff/errors.h"
#include "tests/support/fashion_mnist_data.h"
#include "tests/support/idx_files.h"
#include "tests/support/temp_dir.h"

using mann::UserError;
using mann::testing::TempDir;

TEST_CASE("fashion_mnist files: the validation split is the end of the training file") {
  const TempDir dir("fmnist-files");
  mann::testing::write_synthetic_fashion_mnist(dir / "fashion-mnist", 12, 5);
  const auto splits = mann::load_fashion_mnist_splits(dir.path().string(), 4, dir.path("no-system"));
  CHECK(splits->train.size() == 8);
  CHECK(splits->valid.size() == 4);
  CHECK(splits->test.size() == 5);
  CHECK(splits->class_names.size() == 10);
  CHECK(splits->valid.labels == std::vector<int>{8, 9, 0, 1});  // items 8..11 of the file
  CHECK(splits->valid.image(0)[0] == mann::testing::synthetic_pixel(8, 0, 0));
  CHECK(splits->train.image(7)[0] == mann::testing::synthetic_pixel(7, 0, 0));
  CHECK_THROWS_AS(mann::load_fashion_mnist_splits(dir.path().string(), 12, dir.path("no-system")), UserError);
  CHECK_THROWS_AS(mann::load_fashion_mnist_splits(dir.path().string(), 0, dir.path("no-system")), UserError);
}
TEST_CASE(
    "fashion_mnist dataset: the real files split into 55,000 / 5,000 / 10,000" MANN_NEEDS_FASHION_MNIST) {
  const auto splits = mann::testing::real_fashion_mnist();
  CHECK(splits->train.size() == 55000);
  CHECK(splits->valid.size() == 5000);
  CHECK(splits->test.size() == 10000);
  for (const mann::LabelledImages* set : {&splits->train, &splits->valid, &splits->test}) {
    CHECK(set->height == 28);
    CHECK(set->width == 28);
    std::array<int, 10> per_class{};
    for (int label : set->labels) ++per_class.at(static_cast<std::size_t>(label));
    // Every class is well represented in every split (6,000 per class in train + valid, 1,000 in test).
    for (int count : per_class) CHECK(count >= set->size() / 20);
  }
  CHECK(splits->class_names.front() == "T-shirt/top");
}

TEST_CASE("fashion_mnist dataset: real canvases are deterministic and in [0, 1]" MANN_NEEDS_FASHION_MNIST) {
  const auto splits = mann::testing::real_fashion_mnist();
  for (const char* variant : {"plain", "translated60", "cluttered60", "cluttered100"}) {
    CAPTURE(variant);
    const mann::ImageClassificationData data(splits, mann::canvas_variant_preset(variant), 0);
    const mann::ImageBatch a = data.batch("test", {0, 1, 9999}), b = data.batch("test", {0, 1, 9999});
    CHECK(a.pixels == b.pixels);
    const auto [darkest, brightest] = std::minmax_element(a.pixels.data(), a.pixels.data() + a.pixels.size());
    CHECK(*darkest >= 0.0f);
    CHECK(*brightest <= 1.0f);
    CHECK(a.pixels.row(0).sum() > 10.0f);  // an article, not an empty canvas
    CHECK(a.labels ==
          std::vector<int>{splits->test.labels[0], splits->test.labels[1], splits->test.labels[9999]});
  }
}
