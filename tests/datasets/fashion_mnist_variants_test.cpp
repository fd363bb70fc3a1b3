// The canvases of the image variants (plain, translated, cluttered) on synthetic items: determinism per
// (seed, split, index), geometry, value range and batch layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "datasets/image/canvas_variant.h"
#include "datasets/image/image_classification_data.h"
#include "framework/autodiff/errors.h"
#include "tests/support/synthetic_images.h"

using mann::CanvasLayout;
using mann::CanvasVariant;
using mann::ImageClassificationData;
using mann::LabelledImages;
using mann::testing::synthetic_splits;

namespace {

ImageClassificationData data_of(const std::string& variant, std::uint64_t seed = 0) {
  return ImageClassificationData(synthetic_splits(), mann::canvas_variant_preset(variant), seed);
}

std::vector<float> canvas(const ImageClassificationData& data, const std::string& split, std::int64_t index) {
  std::vector<float> out(static_cast<std::size_t>(data.pixels_per_example()));
  data.render(split, index, out.data());
  return out;
}

// Whether the whole item shows unchanged at (x0, y0) of the canvas.
bool item_intact_at(const std::vector<float>& c, int side, const LabelledImages& set, int item, int x0,
                    int y0) {
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      if (c[(y0 + y) * side + x0 + x] != set.image(item)[y * 28 + x] / 255.0f) return false;
  return true;
}

bool inside(int x, int y, int x0, int y0, int size) {
  return x >= x0 && y >= y0 && x < x0 + size && y < y0 + size;
}

}  // namespace

TEST_CASE("fashion_mnist variants: the named presets, and variants that do not fit are refused") {
  CHECK(mann::canvas_variant_preset("plain").canvas == 28);
  CHECK(mann::canvas_variant_preset("translated60").clutter == 0);
  CHECK(mann::canvas_variant_preset("cluttered60").clutter == 4);
  const CanvasVariant big = mann::canvas_variant_preset("cluttered100");
  CHECK(big.canvas == 100);
  CHECK(big.clutter == 8);
  CHECK(big.piece_size == 8);
  CHECK_THROWS_WITH_AS(mann::canvas_variant_preset("cluttered"), doctest::Contains("cluttered60"),
                       mann::UserError);
  CHECK_THROWS_AS(mann::check_canvas_variant({27, 0, 8}, 28, 28), mann::UserError);
  CHECK_THROWS_AS(mann::check_canvas_variant({60, 4, 29}, 28, 28), mann::UserError);
  CHECK_THROWS_AS(mann::check_canvas_variant({60, -1, 8}, 28, 28), mann::UserError);
  CHECK_NOTHROW(mann::check_canvas_variant({28, 3, 28}, 28, 28));
  CHECK(mann::describe(big) == "100x100, 8 clutter pieces of 8x8");
}

TEST_CASE("fashion_mnist variants: plain shows item `index` as it is") {
  const ImageClassificationData data = data_of("plain");
  CHECK(data.height() == 28);
  CHECK(data.width() == 28);
  CHECK(data.size("train") == 30);
  const std::vector<float> c = canvas(data, "valid", 3);
  CHECK(item_intact_at(c, 28, data.items("valid"), 3, 0, 0));
  CHECK(data.label("valid", 3) == 3);   // item 33 of the synthetic file
  CHECK(data.label("valid", 13) == 3);  // an index past the end wraps around
}

TEST_CASE("fashion_mnist variants: the same (seed, split, index) gives the same canvas, others differ") {
  for (const std::string variant : {"translated60", "cluttered60", "cluttered100"}) {
    CAPTURE(variant);
    const ImageClassificationData a = data_of(variant), b = data_of(variant);
    CHECK(canvas(a, "train", 7) == canvas(b, "train", 7));
    CHECK(canvas(a, "test", 2) == canvas(a, "test", 2));
    CHECK(canvas(a, "train", 7) != canvas(a, "train", 8));
    CHECK(canvas(a, "train", 7) != canvas(a, "train", 37));  // the same item, placed anew
    CHECK(canvas(a, "train", 7) != canvas(a, "valid", 7));
    CHECK(canvas(a, "train", 7) != canvas(data_of(variant, 1), "train", 7));
  }
}

TEST_CASE("fashion_mnist variants: translated60 puts the whole item somewhere, black around it") {
  const ImageClassificationData data = data_of("translated60");
  std::vector<int> places;
  for (int index = 0; index < 30; ++index) {
    const CanvasLayout layout = data.layout("train", index);
    CHECK(layout.item == index);
    CHECK(layout.pieces.empty());
    REQUIRE(layout.item_x >= 0);
    REQUIRE(layout.item_y >= 0);
    REQUIRE(layout.item_x <= 32);
    REQUIRE(layout.item_y <= 32);
    const std::vector<float> c = canvas(data, "train", index);
    CHECK(item_intact_at(c, 60, data.items("train"), index, layout.item_x, layout.item_y));
    for (int y = 0; y < 60; ++y)
      for (int x = 0; x < 60; ++x)
        if (!inside(x, y, layout.item_x, layout.item_y, 28)) REQUIRE(c[y * 60 + x] == 0.0f);
    places.push_back(layout.item_y * 60 + layout.item_x);
  }
  std::sort(places.begin(), places.end());
  CHECK(std::unique(places.begin(), places.end()) - places.begin() > 20);  // spread over the canvas
}

TEST_CASE("fashion_mnist variants: clutter is 8x8 pieces of other items, under the item's brighter ink") {
  for (const std::string variant : {"cluttered60", "cluttered100"}) {
    CAPTURE(variant);
    const ImageClassificationData data = data_of(variant);
    const int side = data.width();
    const LabelledImages& items = data.items("test");
    for (int index = 0; index < 10; ++index) {
      const CanvasLayout layout = data.layout("test", index);
      REQUIRE(static_cast<int>(layout.pieces.size()) == data.variant().clutter);
      const std::vector<float> c = canvas(data, "test", index);
      for (const mann::ClutterPiece& p : layout.pieces) {
        CHECK(p.source != layout.item);
        REQUIRE((p.from_x >= 0 && p.from_y >= 0 && p.from_x + 8 <= 28 && p.from_y + 8 <= 28));
        REQUIRE((p.to_x >= 0 && p.to_y >= 0 && p.to_x + 8 <= side && p.to_y + 8 <= side));
        // Every pixel of the piece shows at least as bright as in its source.
        for (int y = 0; y < 8; ++y)
          for (int x = 0; x < 8; ++x)
            CHECK(c[(p.to_y + y) * side + p.to_x + x] >=
                  items.image(p.source)[(p.from_y + y) * 28 + p.from_x + x] / 255.0f);
      }
      for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
          const float v = c[y * side + x];
          if (inside(x, y, layout.item_x, layout.item_y, 28)) {
            // The item's pixel, or a brighter piece pixel over it: never dimmer.
            REQUIRE(v >= items.image(layout.item)[(y - layout.item_y) * 28 + x - layout.item_x] / 255.0f);
            continue;
          }
          const bool in_piece = std::any_of(layout.pieces.begin(), layout.pieces.end(),
                                            [&](const auto& p) { return inside(x, y, p.to_x, p.to_y, 8); });
          if (!in_piece) REQUIRE(v == 0.0f);
        }
      }
    }
  }
}

TEST_CASE(
    "fashion_mnist variants: the same canvas size puts the item at the same place with or without clutter") {
  const ImageClassificationData translated = data_of("translated60"), cluttered = data_of("cluttered60");
  for (int index = 0; index < 5; ++index) {
    CHECK(translated.layout("train", index).item_x == cluttered.layout("train", index).item_x);
    CHECK(translated.layout("train", index).item_y == cluttered.layout("train", index).item_y);
  }
}

TEST_CASE("fashion_mnist variants: batches hold one canvas per row in [0, 1], with their labels") {
  const ImageClassificationData data = data_of("cluttered60");
  const mann::ImageBatch batch = data.batch("valid", {4, 0, 25});
  CHECK(batch.size() == 3);
  CHECK(batch.pixels.rows() == 3);
  CHECK(batch.pixels.cols() == 60 * 60);
  CHECK(batch.height == 60);
  CHECK(batch.width == 60);
  CHECK(batch.channels == 1);
  CHECK(batch.labels == std::vector<int>{4, 0, 5});  // items 34, 30, 35 of the file
  const auto [darkest, brightest] =
      std::minmax_element(batch.pixels.data(), batch.pixels.data() + batch.pixels.size());
  CHECK(*darkest >= 0.0f);
  CHECK(*brightest <= 1.0f);
  CHECK(*brightest > 0.0f);
  const std::vector<float> c = canvas(data, "valid", 25);
  for (int i = 0; i < 60 * 60; ++i) REQUIRE(batch.pixels(2, i) == c[static_cast<std::size_t>(i)]);
  CHECK(batch.column(0, 2, 5) == 2 * 60 + 5);
  CHECK(batch.at(2, 0, 2, 5) == c[2 * 60 + 5]);

  mann::Rng rng(3);
  const mann::ImageBatch drawn = data.random_batch("train", 16, rng);
  CHECK(drawn.size() == 16);
  CHECK(drawn.pixels.rows() == 16);

  CHECK_THROWS_AS(data.batch("validation", {0}), mann::UserError);
  CHECK_THROWS_AS(data.batch("train", {-1}), mann::UserError);
}
