#pragma once
// How the scenes of `fashion_scenes` are composed: the canvas, how many Fashion-MNIST items each holds, how
// they are placed (anywhere without overlap, or the easy fixed 2x2 grid), their size on the canvas and how
// many reference captions each scene gets.
#include <optional>
#include <string>

#include "framework/util/enum_names.h"

namespace mann {

enum class SceneArrangement {
  Random,   // each item anywhere on the canvas where it overlaps no other item
  Grid2x2,  // each item centred in its own quadrant of the canvas (at most 4 items)
};

template <>
struct EnumNames<SceneArrangement> {
  static constexpr std::string_view noun = "scene layout";
  static constexpr auto entries = std::to_array<EnumEntry<SceneArrangement>>(
      {{SceneArrangement::Random, "random"}, {SceneArrangement::Grid2x2, "grid2x2"}});
};

// Which reference a batch gives as the caption to learn from (teacher forcing).
enum class TeacherCaption {
  Canonical,  // reference 0: items in reading order, always the same phrasing
  Any,        // one of the references, drawn per example index (the same index always gets the same one)
};

template <>
struct EnumNames<TeacherCaption> {
  static constexpr std::string_view noun = "teacher caption";
  static constexpr auto entries = std::to_array<EnumEntry<TeacherCaption>>(
      {{TeacherCaption::Canonical, "canonical"}, {TeacherCaption::Any, "any"}});
};

// The fewest and the most reference captions per scene: the grammar guarantees this many distinct ones
// for every scene, a single item included (datasets/scenes/caption_grammar.h).
inline constexpr int kMinReferences = 3;
inline constexpr int kMaxReferences = 5;

struct SceneOptions {
  int canvas = 64;                                          // side of the square canvas, in pixels
  int min_items = 1;                                        // fewest items per scene
  int max_items = 4;                                        // most items per scene
  SceneArrangement arrangement = SceneArrangement::Random;  // where items go
  int item_side = 28;                                       // side of an item on the canvas (28: unscaled)
  int references = 5;                                       // reference captions per scene
  TeacherCaption teacher = TeacherCaption::Canonical;       // the caption batches teach
};

// What is wrong with a set of options: the option to blame (its config key) and why.
struct SceneOptionProblem {
  std::string option;   // "canvas", "min_items", "max_items", "item_side" or "references"
  std::string message;  // what is wrong and what would do
};

// The first problem of `options` for items of source_side x source_side, if any (the conditions of
// check_scene_options).
std::optional<SceneOptionProblem> find_scene_option_problem(const SceneOptions& options, int source_side);

// Throws UserError (find_scene_option_problem's message, which names the option) unless the options make
// scenes that always fit items of source_side x source_side: 1 <= min_items <= max_items; item_side
// in 4..source_side (items are only ever shrunk); references in kMinReferences..kMaxReferences; for random,
// max_items items of item_side always fit side by side ((canvas / item_side)^2 >= max_items, so placement
// never fails); for grid2x2, max_items <= 4 and an item fits in a quadrant (canvas / 2 >= item_side); canvas
// at most 1024.
void check_scene_options(const SceneOptions& options, int source_side);

// "64x64, 1..4 items of 28x28 anywhere" or "56x56, 4 items of 28x28 on a 2x2 grid", for titles.
std::string describe(const SceneOptions& options);

}  // namespace mann
