#include "datasets/scenes/scene_geometry.h"

#include <cstdlib>
#include <stdexcept>

namespace mann {

SceneCell cell_of(const SceneBox& box, int canvas) {
  // Doubled coordinates keep the centre (x + side / 2) an integer.
  const bool left = 2 * box.x + box.side < canvas;
  const bool top = 2 * box.y + box.side < canvas;
  if (top) return left ? SceneCell::TopLeft : SceneCell::TopRight;
  return left ? SceneCell::BottomLeft : SceneCell::BottomRight;
}

SpatialRelation relation_between(const SceneBox& subject, const SceneBox& object) {
  const int dx = (2 * subject.x + subject.side) - (2 * object.x + object.side);
  const int dy = (2 * subject.y + subject.side) - (2 * object.y + object.side);
  if (dx == 0 && dy == 0) throw std::logic_error("relation_between: two items share their centre");
  if (std::abs(dx) >= std::abs(dy)) return dx < 0 ? SpatialRelation::LeftOf : SpatialRelation::RightOf;
  return dy < 0 ? SpatialRelation::Above : SpatialRelation::Below;
}

SpatialRelation inverse(SpatialRelation relation) {
  switch (relation) {
    case SpatialRelation::LeftOf:
      return SpatialRelation::RightOf;
    case SpatialRelation::RightOf:
      return SpatialRelation::LeftOf;
    case SpatialRelation::Above:
      return SpatialRelation::Below;
    case SpatialRelation::Below:
      return SpatialRelation::Above;
  }
  throw std::logic_error("inverse: not a spatial relation");
}

}  // namespace mann
