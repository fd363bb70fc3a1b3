#include "datasets/image/canvas_layout.h"

#include <algorithm>

namespace mann {

namespace {

// Copies a w x h block of 8-bit pixels (rows `stride` apart) onto the canvas at (x, y), keeping the
// brighter value where something is already painted.
void paint_max(const std::uint8_t* from, int stride, int w, int h, int x, int y, int canvas, float* out) {
  for (int row = 0; row < h; ++row) {
    const std::uint8_t* src = from + static_cast<std::ptrdiff_t>(row) * stride;
    float* dst = out + static_cast<std::ptrdiff_t>(y + row) * canvas + x;
    for (int col = 0; col < w; ++col) dst[col] = std::max(dst[col], static_cast<float>(src[col]) / 255.0f);
  }
}

}  // namespace

CanvasLayout plan_canvas(const CanvasVariant& variant, int item_height, int item_width, int set_size,
                         int item, Rng& rng) {
  CanvasLayout layout;
  layout.item = item;
  layout.item_x = rng.uniform_int(variant.canvas - item_width + 1);
  layout.item_y = rng.uniform_int(variant.canvas - item_height + 1);
  const int p = variant.piece_size;
  for (int i = 0; i < variant.clutter; ++i) {
    ClutterPiece piece;
    if (set_size > 1) {
      // Uniform over the other items: draw among set_size - 1 and step over the item itself.
      piece.source = rng.uniform_int(set_size - 1);
      if (piece.source >= item) ++piece.source;
    } else {
      piece.source = item;
    }
    piece.from_x = rng.uniform_int(item_width - p + 1);
    piece.from_y = rng.uniform_int(item_height - p + 1);
    piece.to_x = rng.uniform_int(variant.canvas - p + 1);
    piece.to_y = rng.uniform_int(variant.canvas - p + 1);
    layout.pieces.push_back(piece);
  }
  return layout;
}

void paint_canvas(const CanvasLayout& layout, const CanvasVariant& variant, const LabelledImages& items,
                  float* out) {
  const int c = variant.canvas, p = variant.piece_size;
  std::fill(out, out + static_cast<std::ptrdiff_t>(c) * c, 0.0f);
  for (const ClutterPiece& piece : layout.pieces) {
    const std::uint8_t* from = items.image(piece.source) + piece.from_y * items.width + piece.from_x;
    paint_max(from, items.width, p, p, piece.to_x, piece.to_y, c, out);
  }
  paint_max(items.image(layout.item), items.width, items.width, items.height, layout.item_x, layout.item_y, c,
            out);
}

}  // namespace mann
