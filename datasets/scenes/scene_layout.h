#pragma once
// One scene: which items of a split it shows and where. Planning is separate from painting (as for the
// canvases of datasets/image/canvas_layout.h), so that captions, recall and tests read the same layout
// that is painted.
#include <vector>

#include "datasets/image/labelled_images.h"
#include "datasets/scenes/scene_geometry.h"
#include "datasets/scenes/scene_options.h"
#include "framework/util/rng.h"

namespace mann {

// One item on the canvas.
struct SceneItem {
  int source = 0;                       // index of the item in its split's LabelledImages
  int label = 0;                        // its class
  SceneBox box;                         // where it is painted (box.side == SceneOptions::item_side)
  SceneCell cell = SceneCell::TopLeft;  // the quadrant of its centre (cell_of)
};

struct Scene {
  int canvas = 0;                // side of the canvas
  std::vector<SceneItem> items;  // in the order drawn; no two boxes overlap
};

// Draws a scene from `set` (a split's items) with `rng`: the number of items uniform in
// min_items..max_items, each item uniform over the set (with replacement), then the places. Random: each
// item's corner uniform over the canvas, redrawn while it overlaps an item already placed (after many
// failures, the scene's items go to distinct random cells of the tightest grid of item_side squares, which
// check_scene_options guarantees exists). Grid2x2: the items take distinct random quadrants and are centred
// in them. `options` must pass check_scene_options.
Scene plan_scene(const SceneOptions& options, const LabelledImages& set, Rng& rng);

// Paints `scene` into `out` (canvas^2 floats, row-major, index y * canvas + x): background 0, each item's
// pixels / 255 in its box, shrunk to box.side by averaging when that is below the item's side.
void paint_scene(const Scene& scene, const LabelledImages& set, float* out);

// The items in reading order: the top half of the canvas (by cell) before the bottom half, and within a
// half from left to right (then top to bottom) by the box's corner. The canonical caption follows it.
std::vector<int> reading_order(const Scene& scene);

}  // namespace mann
