// The `fashion_mnist` registry entry, on synthetic files in a data_dir.
#include <doctest/doctest.h>

#include <string>

#include "datasets/dataset.h"
#include "datasets/image/image_dataset.h"
#include "framework/config/config_error.h"
#include "tests/support/idx_files.h"
#include "tests/support/registered_dataset.h"
#include "tests/support/temp_dir.h"

using mann::testing::create_dataset;

TEST_CASE("fashion_mnist dataset: the registry builds a variant from the files of a data_dir") {
  const mann::testing::TempDir dir("fmnist-registry");
  mann::testing::write_synthetic_fashion_mnist(dir / "fashion-mnist", 30, 10);
  const std::string base = "type: fashion_mnist\ndata_dir: " + dir.path().string() + "\nvalidation_size: 5\n";
  const auto dataset = create_dataset(base + "variant: cluttered100\nclutter: 3\nseed: 7\n");
  const auto* image = dynamic_cast<const mann::ImageDataset*>(dataset.get());
  REQUIRE(image != nullptr);
  CHECK(image->family() == "image");
  CHECK(image->type() == "fashion_mnist");
  CHECK(image->variant_name() == "cluttered100");
  const mann::ImageClassificationData& data = image->data();
  CHECK(data.width() == 100);
  CHECK(data.variant().clutter == 3);
  CHECK(data.variant().piece_size == 8);
  CHECK(data.seed() == 7);
  CHECK(data.size("train") == 25);
  CHECK(data.size("valid") == 5);
  CHECK(data.size("test") == 10);
  CHECK(data.class_names()[9] == "Ankle boot");

  CHECK_THROWS_AS(create_dataset(base + "variant: translated60\ncanvas: 20\n"), mann::ConfigError);
  CHECK_THROWS_AS(create_dataset(base + "variant: wobbly\n"), mann::ConfigError);
}
