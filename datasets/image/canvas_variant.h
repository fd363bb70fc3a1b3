#pragma once
// How an item is shown to a model, after the RAM paper (Mnih et al. 2014, "Recurrent Models of Visual
// Attention"): the item at a random place on a square canvas, optionally with clutter, random square
// pieces cut from other items, at random places. A canvas the size of the item is the plain dataset.
#include <string>
#include <vector>

namespace mann {

struct CanvasVariant {
  int canvas = 28;     // side of the square canvas, in pixels; at least the item's side
  int clutter = 0;     // pieces of other items per canvas
  int piece_size = 8;  // side of each square piece, at most the item's side
};

// The named variants: "plain" (28, no clutter), "translated60" (60x60), "cluttered60" (60x60, 4 pieces),
// "cluttered100" (100x100, 8 pieces); pieces are 8x8. Throws UserError, listing the names, for any other.
CanvasVariant canvas_variant_preset(const std::string& name);

// The names canvas_variant_preset accepts, in the order above.
const std::vector<std::string>& canvas_variant_names();

// Throws UserError unless the variant fits items of item_height x item_width: canvas at least as big as
// the item and at most 4096, clutter in 0..1000, 1 <= piece_size <= the item's smaller side.
void check_canvas_variant(const CanvasVariant& variant, int item_height, int item_width);

// "60x60, 4 clutter pieces of 8x8" or "28x28, no clutter", for titles and messages.
std::string describe(const CanvasVariant& variant);

}  // namespace mann
