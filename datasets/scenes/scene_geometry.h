#pragma once
// Where the items of a scene are, as captions say it: an item's quadrant of the canvas ("in the top left")
// and where one item is relative to another ("to the left of", "above"). Both are defined from the items'
// centres, so the references and the item recall of a caption (scene_recall.h) agree on them exactly.
#include <string_view>

#include "framework/util/enum_names.h"

namespace mann {

// A quadrant of the canvas.
enum class SceneCell { TopLeft, TopRight, BottomLeft, BottomRight };

template <>
struct EnumNames<SceneCell> {
  static constexpr std::string_view noun = "scene cell";
  static constexpr auto entries =
      std::to_array<EnumEntry<SceneCell>>({{SceneCell::TopLeft, "top left"},
                                           {SceneCell::TopRight, "top right"},
                                           {SceneCell::BottomLeft, "bottom left"},
                                           {SceneCell::BottomRight, "bottom right"}});
};

// Where a subject is relative to an object: "the subject is <relation> the object".
enum class SpatialRelation { LeftOf, RightOf, Above, Below };

template <>
struct EnumNames<SpatialRelation> {
  static constexpr std::string_view noun = "spatial relation";
  static constexpr auto entries =
      std::to_array<EnumEntry<SpatialRelation>>({{SpatialRelation::LeftOf, "to the left of"},
                                                 {SpatialRelation::RightOf, "to the right of"},
                                                 {SpatialRelation::Above, "above"},
                                                 {SpatialRelation::Below, "below"}});
};

// A square on the canvas: top-left corner (x right, y down) and side, in pixels.
struct SceneBox {
  int x = 0, y = 0;  // top-left corner
  int side = 0;      // width and height

  // Whether the two squares share a pixel.
  bool overlaps(const SceneBox& other) const {
    return x < other.x + other.side && other.x < x + side && y < other.y + other.side && other.y < y + side;
  }
};

// The quadrant holding the box's centre: left when the centre is left of the canvas's middle line
// (2x + side < canvas), top when it is above it; a centre exactly on a middle line counts as right/bottom.
SceneCell cell_of(const SceneBox& box, int canvas);

// Where `subject` is relative to `object`, along the axis on which their centres are further apart: with
// dx, dy the subject's centre minus the object's, LeftOf/RightOf when |dx| >= |dy| (dx < 0: left), else
// Above/Below (dy < 0: above). Ties go to the horizontal relation. Boxes with the same centre are a
// programming error (scenes never overlap their items).
SpatialRelation relation_between(const SceneBox& subject, const SceneBox& object);

// The relation that holds the other way round: LeftOf <-> RightOf, Above <-> Below.
SpatialRelation inverse(SpatialRelation relation);

}  // namespace mann
