#pragma once
// How many of a scene's items a caption mentions, and how many it places correctly: the item recall of
// captioning on fashion_scenes. A caption is read with read_caption (caption_reading.h), then:
//
//   class recall: per class c, min(items of class c in the scene, mentions of c that introduce an item,
//                 i.e. not after "the"); summed over classes. So "a bag" twice finds two bags, and a scene
//                 with one bag gets no more than one however often the caption says it.
//   place recall: item i is placed when the caption holds a true statement about an item of its class:
//                 a cell statement (class(i), cell(i)); or a relation (class(i), R, c) with another item j
//                 of class c and relation_between(i, j) == R; or a relation (c, R, class(i)) with another
//                 item j of class c and relation_between(j, i) == R. Each item is judged on its own, so a
//                 true relation places both its items, and statements about a class place every item of
//                 that class they are true of.
//
// Both are counts out of the scene's items; the corpus rates are sums over captions divided by the sum of
// items (SceneRecall::class_rate, place_rate).
#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/scene_layout.h"

namespace mann {

struct SceneRecall {
  int items = 0;    // items in the scene(s)
  int classes = 0;  // items whose class the caption(s) mention
  int placed = 0;   // items the caption(s) place correctly

  // Adds another caption's counts (for corpus totals).
  SceneRecall& operator+=(const SceneRecall& other) {
    items += other.items, classes += other.classes, placed += other.placed;
    return *this;
  }
  // classes / items (0 without items).
  double class_rate() const { return items == 0 ? 0.0 : static_cast<double>(classes) / items; }
  // placed / items (0 without items).
  double place_rate() const { return items == 0 ? 0.0 : static_cast<double>(placed) / items; }
};

// The recall of `caption` on `scene`, as defined above.
SceneRecall scene_recall(const Scene& scene, const CaptionWords& caption);

}  // namespace mann
