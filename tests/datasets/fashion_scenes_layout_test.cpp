// The scenes of fashion_scenes on synthetic items: determinism per (seed, split, index), non-overlap, items
// only from the scene's own split, the 2x2 grid, shrunk items and the option checks.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "datasets/scenes/scene_caption_data.h"
#include "datasets/scenes/scene_options.h"
#include "framework/autodiff/errors.h"
#include "tests/support/fashion_mnist_data.h"
#include "tests/support/synthetic_images.h"

using mann::Scene;
using mann::SceneArrangement;
using mann::SceneCaptionData;
using mann::SceneItem;
using mann::SceneOptions;

namespace {

SceneCaptionData scenes_of(SceneOptions options, std::uint64_t seed = 0) {
  return SceneCaptionData(mann::testing::synthetic_splits(), options, seed);
}

std::vector<float> canvas(const SceneCaptionData& data, const std::string& split, std::int64_t index) {
  std::vector<float> out(static_cast<std::size_t>(data.pixels_per_example()));
  data.render(split, index, out.data());
  return out;
}

// Whether item `source` of `set` shows unchanged in its box.
bool shows_item(const std::vector<float>& c, int canvas_side, const SceneItem& item,
                const mann::LabelledImages& set, int source) {
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      if (c[static_cast<std::size_t>((item.box.y + y) * canvas_side + item.box.x + x)] !=
          set.image(source)[y * 28 + x] / 255.0f)
        return false;
  return true;
}

}  // namespace

TEST_CASE("fashion_scenes layout: the same (seed, split, index) gives the same scene, others differ") {
  const SceneCaptionData a = scenes_of({}), b = scenes_of({}), other_seed = scenes_of({}, 1);
  CHECK(canvas(a, "train", 5) == canvas(b, "train", 5));
  CHECK(a.example("test", 3).references == b.example("test", 3).references);
  int differ = 0;
  for (int i = 0; i < 8; ++i) differ += canvas(a, "train", i) != canvas(other_seed, "train", i) ? 1 : 0;
  CHECK(differ >= 7);
  CHECK(canvas(a, "train", 5) != canvas(a, "train", 6));
  CHECK(canvas(a, "train", 5) != canvas(a, "valid", 5));
  CHECK_THROWS_AS(a.example("train", -1), mann::UserError);
  CHECK_THROWS_AS(a.example("dev", 0), mann::UserError);
}

TEST_CASE("fashion_scenes layout: items never overlap, stay on the canvas, and come in every count") {
  for (const int canvas_side : {56, 64, 84}) {  // 56 holds 4 items only side by side: the fallback path
    CAPTURE(canvas_side);
    SceneOptions options;
    options.canvas = canvas_side;
    const SceneCaptionData data = scenes_of(options);
    std::set<std::size_t> counts;
    for (int i = 0; i < 200; ++i) {
      const Scene scene = data.example("train", i).scene;
      counts.insert(scene.items.size());
      for (std::size_t a = 0; a < scene.items.size(); ++a) {
        const mann::SceneBox& box = scene.items[a].box;
        CHECK(box.side == 28);
        CHECK((box.x >= 0 && box.y >= 0 && box.x + 28 <= canvas_side && box.y + 28 <= canvas_side));
        for (std::size_t b = a + 1; b < scene.items.size(); ++b)
          CHECK_FALSE(box.overlaps(scene.items[b].box));
      }
    }
    CHECK(counts == std::set<std::size_t>{1, 2, 3, 4});
  }
}

TEST_CASE("fashion_scenes layout: a split's scenes show only that split's items, painted whole") {
  const SceneCaptionData data = scenes_of({});
  const auto& splits = *mann::testing::synthetic_splits();
  for (const std::string split : {"train", "valid", "test"}) {
    CAPTURE(split);
    const mann::LabelledImages& own = data.items(split);
    for (int i = 0; i < 20; ++i) {
      const Scene scene = data.example(split, i).scene;
      const std::vector<float> c = canvas(data, split, i);
      for (const SceneItem& item : scene.items) {
        CHECK(item.label == own.labels[static_cast<std::size_t>(item.source)]);
        CHECK(shows_item(c, 64, item, own, item.source));
        // Synthetic items differ from those of every other split, so no other split's item is painted there.
        for (const mann::LabelledImages* other : {&splits.train, &splits.valid, &splits.test})
          if (other != &own)
            for (int s = 0; s < other->size(); ++s) CHECK_FALSE(shows_item(c, 64, item, *other, s));
      }
    }
  }
}

TEST_CASE("fashion_scenes layout: the 2x2 grid centres items in distinct quadrants") {
  SceneOptions options;
  options.arrangement = SceneArrangement::Grid2x2;
  options.canvas = 64;
  options.min_items = 4;
  const SceneCaptionData data = scenes_of(options);
  for (int i = 0; i < 20; ++i) {
    const Scene scene = data.example("valid", i).scene;
    REQUIRE(scene.items.size() == 4);
    std::set<mann::SceneCell> cells;
    for (const SceneItem& item : scene.items) {
      cells.insert(item.cell);
      CHECK(item.box.x % 32 == 2);  // (32 - 28) / 2 into its quadrant
      CHECK(item.box.y % 32 == 2);
    }
    CHECK(cells.size() == 4);
  }
}

TEST_CASE("fashion_scenes layout: shrunk items are the means of the pixels they cover") {
  SceneOptions options;
  options.item_side = 14;
  options.canvas = 28;
  const SceneCaptionData data = scenes_of(options);
  const Scene scene = data.example("train", 0).scene;
  const std::vector<float> c = canvas(data, "train", 0);
  const SceneItem& item = scene.items.front();
  CHECK(item.box.side == 14);
  const std::uint8_t* image = data.items("train").image(item.source);
  for (int y : {0, 5, 13}) {
    for (int x : {0, 7, 13}) {
      const int sum = image[2 * y * 28 + 2 * x] + image[2 * y * 28 + 2 * x + 1] +
                      image[(2 * y + 1) * 28 + 2 * x] + image[(2 * y + 1) * 28 + 2 * x + 1];
      CHECK(c[static_cast<std::size_t>((item.box.y + y) * 28 + item.box.x + x)] ==
            doctest::Approx(sum / (4 * 255.0)));
    }
  }
}

TEST_CASE("fashion_scenes layout: options that cannot always make a scene are refused, naming the option") {
  const auto problem = [](SceneOptions o) {
    const auto found = mann::find_scene_option_problem(o, 28);
    return found ? found->option : std::string();
  };
  SceneOptions o;
  CHECK(problem(o).empty());
  o.canvas = 55;  // 55 / 28 = 1 item per row
  CHECK(problem(o) == "canvas");
  o = {};
  o.min_items = 5;
  CHECK(problem(o) == "max_items");
  o = {};
  o.references = 6;
  CHECK(problem(o) == "references");
  o = {};
  o.item_side = 29;
  CHECK(problem(o) == "item_side");
  o = {};
  o.arrangement = SceneArrangement::Grid2x2;
  o.canvas = 50;
  CHECK(problem(o) == "canvas");
  o.canvas = 64;
  o.max_items = 5;
  CHECK(problem(o) == "max_items");
  CHECK_THROWS_WITH_AS(SceneCaptionData(mann::testing::synthetic_splits(), o, 0), doctest::Contains("2x2"),
                       mann::UserError);
  CHECK(mann::describe(SceneOptions{}) == "64x64, 1..4 items of 28x28 anywhere");
}

TEST_CASE(
    "fashion_scenes layout: real test scenes show t10k items, train scenes training "
    "items" MANN_NEEDS_FASHION_MNIST) {
  const SceneCaptionData data(mann::testing::real_fashion_mnist(), SceneOptions{}, 0);
  CHECK(data.size("train") == 55000);
  CHECK(data.size("test") == 10000);
  for (const std::string split : {"train", "test"}) {
    const std::vector<float> c = canvas(data, split, 17);
    for (const SceneItem& item : data.example(split, 17).scene.items)
      CHECK(shows_item(c, 64, item, data.items(split), item.source));
  }
}
