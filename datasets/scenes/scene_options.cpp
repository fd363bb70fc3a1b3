#include "datasets/scenes/scene_options.h"

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

constexpr int kMaxCanvas = 1024;
constexpr int kMinItemSide = 4;  // below this an item is a smudge

std::string text(int value) {
  return std::to_string(value);
}

}  // namespace

std::optional<SceneOptionProblem> find_scene_option_problem(const SceneOptions& o, int source_side) {
  if (o.min_items < 1)
    return SceneOptionProblem{"min_items",
                              "min_items is " + text(o.min_items) + ": a scene holds at least 1 item"};
  if (o.max_items < o.min_items)
    return SceneOptionProblem{
        "max_items", "max_items (" + text(o.max_items) + ") is below min_items (" + text(o.min_items) + ")"};
  if (o.item_side < kMinItemSide || o.item_side > source_side)
    return SceneOptionProblem{"item_side", "item_side " + text(o.item_side) + " is outside " +
                                               text(kMinItemSide) + ".." + text(source_side) +
                                               " (items are shown at their size or shrunk)"};
  if (o.references < kMinReferences || o.references > kMaxReferences)
    return SceneOptionProblem{"references", "references is " + text(o.references) + ": scenes have " +
                                                text(kMinReferences) + ".." + text(kMaxReferences) +
                                                " reference captions"};
  if (o.canvas > kMaxCanvas)
    return SceneOptionProblem{"canvas", "canvas " + text(o.canvas) + " is above " + text(kMaxCanvas)};
  if (o.arrangement == SceneArrangement::Grid2x2) {
    if (o.max_items > 4)
      return SceneOptionProblem{"max_items",
                                "max_items is " + text(o.max_items) + ": a 2x2 grid holds at most 4"};
    if (o.canvas / 2 < o.item_side)
      return SceneOptionProblem{"canvas", "canvas " + text(o.canvas) + " is too small for a 2x2 grid of " +
                                              text(o.item_side) + "-pixel items (use at least " +
                                              text(2 * o.item_side) + ")"};
    return std::nullopt;
  }
  const int per_row = o.canvas / o.item_side;
  if (per_row * per_row < o.max_items)
    return SceneOptionProblem{"canvas", "canvas " + text(o.canvas) + " cannot always hold " +
                                            text(o.max_items) + " items of " + text(o.item_side) + "x" +
                                            text(o.item_side) + " without overlap (needs (canvas / " +
                                            "item_side)^2 >= max_items)"};
  return std::nullopt;
}

void check_scene_options(const SceneOptions& options, int source_side) {
  if (const auto problem = find_scene_option_problem(options, source_side)) throw UserError(problem->message);
}

std::string describe(const SceneOptions& o) {
  const std::string side = text(o.canvas) + "x" + text(o.canvas);
  const std::string count =
      o.min_items == o.max_items ? text(o.max_items) : text(o.min_items) + ".." + text(o.max_items);
  const std::string item = text(o.item_side) + "x" + text(o.item_side);
  const std::string where = o.arrangement == SceneArrangement::Grid2x2 ? "on a 2x2 grid" : "anywhere";
  return side + ", " + count + " item" + (o.max_items == 1 ? "" : "s") + " of " + item + " " + where;
}

}  // namespace mann
