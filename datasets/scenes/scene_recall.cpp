#include "datasets/scenes/scene_recall.h"

#include <algorithm>
#include <map>

#include "datasets/scenes/caption_reading.h"

namespace mann {

namespace {

// Whether `reading` says something true about item i of the scene.
bool placed(const Scene& scene, std::size_t i, const CaptionReading& reading) {
  const SceneItem& item = scene.items[i];
  for (const CellStatement& s : reading.cells)
    if (s.label == item.label && s.cell == item.cell) return true;
  for (std::size_t j = 0; j < scene.items.size(); ++j) {
    if (j == i) continue;
    const SceneItem& other = scene.items[j];
    for (const RelationStatement& s : reading.relations) {
      if (s.subject == item.label && s.object == other.label &&
          relation_between(item.box, other.box) == s.relation)
        return true;
      if (s.subject == other.label && s.object == item.label &&
          relation_between(other.box, item.box) == s.relation)
        return true;
    }
  }
  return false;
}

}  // namespace

SceneRecall scene_recall(const Scene& scene, const CaptionWords& caption) {
  const CaptionReading reading = read_caption(caption);
  std::map<int, int> in_scene, introduced;
  for (const SceneItem& item : scene.items) ++in_scene[item.label];
  for (const ClassMention& mention : reading.mentions)
    if (!mention.definite) ++introduced[mention.label];
  SceneRecall recall;
  recall.items = static_cast<int>(scene.items.size());
  for (const auto& [label, count] : in_scene) recall.classes += std::min(count, introduced[label]);
  for (std::size_t i = 0; i < scene.items.size(); ++i) recall.placed += placed(scene, i, reading) ? 1 : 0;
  return recall;
}

}  // namespace mann
