#pragma once
// Where things go on one canvas of a variant: the item's place and the clutter pieces (which item each is
// cut from, where, and where it lands). Planning is separate from painting so a layout can be inspected
// (tests, glimpse plots) and so the same random draws give the same canvas on every call.
#include <vector>

#include "datasets/image/canvas_variant.h"
#include "datasets/image/labelled_images.h"
#include "framework/util/rng.h"

namespace mann {

// One square of clutter: piece_size x piece_size pixels of item `source`, from (from_x, from_y) in that
// item to (to_x, to_y) on the canvas (top-left corners).
struct ClutterPiece {
  int source = 0;
  int from_x = 0, from_y = 0;
  int to_x = 0, to_y = 0;
};

struct CanvasLayout {
  int item = 0;                      // the item shown (its label is the example's label)
  int item_x = 0, item_y = 0;        // top-left corner of the item on the canvas
  std::vector<ClutterPiece> pieces;  // painted in this order, under the item
};

// Draws a layout for `item` of a set of `set_size` items of item_height x item_width: the item's corner
// uniform over the places where it fits whole, then for each clutter piece its source (uniform over the
// other items; the item itself only when it is the only one), its corner in the source and its corner on
// the canvas, each uniform over the places where the piece fits whole. The draws come from `rng` in that
// order, so variants of the same canvas size put the item at the same place for the same generator.
CanvasLayout plan_canvas(const CanvasVariant& variant, int item_height, int item_width, int set_size,
                         int item, Rng& rng);

// Paints `layout` into `out` (variant.canvas^2 floats, row-major, index y * canvas + x): background 0,
// pixel value / 255.0f, so in [0, 1]. Where things overlap, the brighter pixel wins (pixel-wise maximum), so
// the item's ink is never dimmed by clutter and a piece never cuts a dark hole into it.
void paint_canvas(const CanvasLayout& layout, const CanvasVariant& variant, const LabelledImages& items,
                  float* out);

}  // namespace mann
