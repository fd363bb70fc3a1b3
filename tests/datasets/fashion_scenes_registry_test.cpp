// The `fashion_scenes` registry entry, on synthetic files in a data_dir.
#include <doctest/doctest.h>

#include <string>

#include "datasets/dataset.h"
#include "datasets/scenes/captioned_image_dataset.h"
#include "framework/config/config_error.h"
#include "tests/support/idx_files.h"
#include "tests/support/registered_dataset.h"
#include "tests/support/temp_dir.h"

using mann::testing::create_dataset;

TEST_CASE("fashion_scenes dataset: the registry builds captioned scenes from the files of a data_dir") {
  const mann::testing::TempDir dir("scenes-registry");
  mann::testing::write_synthetic_fashion_mnist(dir / "fashion-mnist", 30, 10);
  const std::string base =
      "type: fashion_scenes\ndata_dir: " + dir.path().string() + "\nvalidation_size: 5\n";
  const auto dataset = create_dataset(
      base + "layout: grid2x2\ncanvas: 56\nmin_items: 2\nreferences: 3\nteacher: any\nseed: 7\n");
  const auto* scenes = dynamic_cast<const mann::CaptionedImageDataset*>(dataset.get());
  REQUIRE(scenes != nullptr);
  CHECK(scenes->family() == "captioned_images");
  CHECK(scenes->type() == "fashion_scenes");
  const mann::SceneCaptionData& data = scenes->data();
  CHECK(data.width() == 56);
  CHECK(data.options().arrangement == mann::SceneArrangement::Grid2x2);
  CHECK(data.options().min_items == 2);
  CHECK(data.options().teacher == mann::TeacherCaption::Any);
  CHECK(data.seed() == 7);
  CHECK(data.size("train") == 25);
  CHECK(data.size("valid") == 5);
  CHECK(data.size("test") == 10);
  CHECK(data.example("test", 0).references.size() == 3);

  CHECK_THROWS_WITH_AS(create_dataset(base + "canvas: 40\n"), doctest::Contains("canvas"), mann::ConfigError);
  CHECK_THROWS_WITH_AS(create_dataset(base + "layout: grid2x2\nmax_items: 5\n"),
                       doctest::Contains("max_items"), mann::ConfigError);
  CHECK_THROWS_AS(create_dataset(base + "layout: grid3x3\n"), mann::ConfigError);
  CHECK_THROWS_AS(create_dataset(base + "references: 6\n"), mann::ConfigError);
}
