#include "datasets/image/canvas_variant.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "framework/util/strings.h"

namespace mann {

namespace {

constexpr int kMaxCanvas = 4096;  // far beyond the paper's 100; keeps a batch's memory sane
constexpr int kMaxClutter = 1000;

}  // namespace

const std::vector<std::string>& canvas_variant_names() {
  static const std::vector<std::string> names = {"plain", "translated60", "cluttered60", "cluttered100"};
  return names;
}

CanvasVariant canvas_variant_preset(const std::string& name) {
  if (name == "plain") return {28, 0, 8};
  if (name == "translated60") return {60, 0, 8};
  if (name == "cluttered60") return {60, 4, 8};
  if (name == "cluttered100") return {100, 8, 8};
  throw UserError("unknown image variant `" + name + "` (variants: " + join(canvas_variant_names(), ", ") +
                  ")");
}

void check_canvas_variant(const CanvasVariant& v, int item_height, int item_width) {
  const std::string item = std::to_string(item_height) + "x" + std::to_string(item_width);
  if (v.canvas < std::max(item_height, item_width) || v.canvas > kMaxCanvas)
    throw UserError("canvas side " + std::to_string(v.canvas) + " does not fit items of " + item + " (use " +
                    std::to_string(std::max(item_height, item_width)) + ".." + std::to_string(kMaxCanvas) +
                    ")");
  if (v.clutter < 0 || v.clutter > kMaxClutter)
    throw UserError("clutter " + std::to_string(v.clutter) + " is outside 0.." + std::to_string(kMaxClutter));
  if (v.piece_size < 1 || v.piece_size > std::min(item_height, item_width))
    throw UserError("clutter piece side " + std::to_string(v.piece_size) + " must be 1.." +
                    std::to_string(std::min(item_height, item_width)) + " (pieces are cut from " + item +
                    " items)");
}

std::string describe(const CanvasVariant& v) {
  const std::string side = std::to_string(v.canvas) + "x" + std::to_string(v.canvas);
  if (v.clutter == 0) return side + ", no clutter";
  const std::string piece = std::to_string(v.piece_size) + "x" + std::to_string(v.piece_size);
  return side + ", " + std::to_string(v.clutter) + " clutter piece" + (v.clutter == 1 ? "" : "s") + " of " +
         piece;
}

}  // namespace mann
