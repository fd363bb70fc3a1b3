#include "datasets/scenes/scene_layout.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "datasets/scenes/random_order.h"

namespace mann {

namespace {

// Draws of one item's corner before the whole scene is placed again, and scenes placed again before the
// grid fallback: with the sizes check_scene_options allows, the fallback is a rare safety net.
constexpr int kTriesPerItem = 64;
constexpr int kTriesPerScene = 16;

// Random corners for `boxes` (sides already set) with no two overlapping, or false after too many tries.
bool place_anywhere(std::vector<SceneBox>& boxes, int canvas, Rng& rng) {
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    SceneBox& box = boxes[i];
    bool placed = false;
    for (int attempt = 0; attempt < kTriesPerItem && !placed; ++attempt) {
      box.x = rng.uniform_int(canvas - box.side + 1);
      box.y = rng.uniform_int(canvas - box.side + 1);
      placed = std::none_of(boxes.begin(), boxes.begin() + static_cast<std::ptrdiff_t>(i),
                            [&](const SceneBox& other) { return box.overlaps(other); });
    }
    if (!placed) return false;
  }
  return true;
}

// Distinct random cells of the grid of side-sized squares that fits the canvas.
void place_in_packed_grid(std::vector<SceneBox>& boxes, int canvas, Rng& rng) {
  const int per_row = canvas / boxes.front().side;
  const std::vector<int> cells = random_order(per_row * per_row, rng);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    boxes[i].x = cells[i] % per_row * boxes[i].side;
    boxes[i].y = cells[i] / per_row * boxes[i].side;
  }
}

// Distinct random quadrants, each item centred in its own.
void place_on_2x2_grid(std::vector<SceneBox>& boxes, int canvas, Rng& rng) {
  const std::vector<int> quadrants = random_order(4, rng);
  const int half = canvas / 2;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const int margin = (half - boxes[i].side) / 2;
    boxes[i].x = quadrants[i] % 2 * half + margin;
    boxes[i].y = quadrants[i] / 2 * half + margin;
  }
}

// The value of pixel (ty, tx) of `image` (source x source) shrunk to side x side: the mean of the source
// pixels that the target pixel covers (at least one, all of them when side divides source).
float shrunk_pixel(const std::uint8_t* image, int source, int side, int ty, int tx) {
  const int y0 = ty * source / side, y1 = std::max(y0 + 1, ((ty + 1) * source + side - 1) / side);
  const int x0 = tx * source / side, x1 = std::max(x0 + 1, ((tx + 1) * source + side - 1) / side);
  int sum = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) sum += image[y * source + x];
  return static_cast<float>(sum) / (255.0f * static_cast<float>((y1 - y0) * (x1 - x0)));
}

}  // namespace

Scene plan_scene(const SceneOptions& options, const LabelledImages& set, Rng& rng) {
  Scene scene;
  scene.canvas = options.canvas;
  const int count = options.min_items + rng.uniform_int(options.max_items - options.min_items + 1);
  std::vector<SceneBox> boxes(static_cast<std::size_t>(count), SceneBox{0, 0, options.item_side});
  for (int i = 0; i < count; ++i) {
    const int source = rng.uniform_int(set.size());
    scene.items.push_back(SceneItem{source, set.labels[static_cast<std::size_t>(source)], {}, {}});
  }
  if (options.arrangement == SceneArrangement::Grid2x2) {
    place_on_2x2_grid(boxes, options.canvas, rng);
  } else {
    bool placed = false;
    for (int attempt = 0; attempt < kTriesPerScene && !placed; ++attempt)
      placed = place_anywhere(boxes, options.canvas, rng);
    if (!placed) place_in_packed_grid(boxes, options.canvas, rng);
  }
  for (int i = 0; i < count; ++i) {
    SceneItem& item = scene.items[static_cast<std::size_t>(i)];
    item.box = boxes[static_cast<std::size_t>(i)];
    item.cell = cell_of(item.box, options.canvas);
  }
  return scene;
}

void paint_scene(const Scene& scene, const LabelledImages& set, float* out) {
  const int canvas = scene.canvas;
  std::fill(out, out + static_cast<std::ptrdiff_t>(canvas) * canvas, 0.0f);
  for (const SceneItem& item : scene.items) {
    const std::uint8_t* image = set.image(item.source);
    const int side = item.box.side;
    for (int y = 0; y < side; ++y) {
      float* row = out + static_cast<std::ptrdiff_t>(item.box.y + y) * canvas + item.box.x;
      for (int x = 0; x < side; ++x)
        row[x] = side == set.width ? static_cast<float>(image[y * set.width + x]) / 255.0f
                                   : shrunk_pixel(image, set.width, side, y, x);
    }
  }
}

std::vector<int> reading_order(const Scene& scene) {
  std::vector<int> order(scene.items.size());
  std::iota(order.begin(), order.end(), 0);
  const auto key = [&](int i) {
    const SceneItem& item = scene.items[static_cast<std::size_t>(i)];
    const bool bottom = item.cell == SceneCell::BottomLeft || item.cell == SceneCell::BottomRight;
    return std::tuple(bottom, item.box.x, item.box.y);
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  return order;
}

}  // namespace mann
