#pragma once
// The captions of a scene, from a small grammar. Every caption names every item by its class and says
// where it is, either relative to another item or by its quadrant, so the content is fixed while the order
// of mention and the words vary:
//
//   caption   := opening? clause (joiner clause)*
//   opening   := "there is"
//   clause    := item "is"? relation item          relations: the first clause relates the first item named
//              | item "is"? relation "the" class     to the second; each later clause relates a new item
//              | item "is"? "in the" cell            to the nearest one named before it ("the" + its class;
//                                                    nearest by centre, the later named on a tie)
//   item      := ("a" | "an") class                 ("an ankle boot")
//   relation  := "to the left of" | "to the right of" | "above" | "below"        (scene_geometry.h)
//   cell      := "top left" | "top right" | "bottom left" | "bottom right"
//   joiner    := "," | ", and" (before the last clause) | "and"
//
// A caption uses relations or cells throughout; "is" follows no "there is". For example "a sneaker to the
// left of a bag, and a dress below the bag" or "there is a coat in the top left and a bag is in the bottom
// right". A scene of one item says its quadrant in one of five fixed forms ("a coat in the top left", "in
// the top left there is a coat", ...).
// Words are lower case; the comma is a word of its own.
#include <string>
#include <vector>

#include "datasets/scenes/scene_geometry.h"
#include "datasets/scenes/scene_layout.h"
#include "framework/util/rng.h"

namespace mann {

// A caption as words ("ankle boot" is two words, "t-shirt" one).
using CaptionWords = std::vector<std::string>;

// The words of each Fashion-MNIST class in captions, by label: "t-shirt", "trouser", "pullover", "dress",
// "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot".
const std::vector<CaptionWords>& caption_class_words();

// The words of a relation ("to the left of" -> to, the, left, of) or of a cell ("top left").
CaptionWords caption_words(SpatialRelation relation);
// The words of a cell, without "in the".
CaptionWords caption_words(SceneCell cell);

// The canonical caption: items in reading order (scene_layout.h), relations, joined by "," and ", and",
// no opening and no "is"; for one item "a <class> in the <cell>". The caption batches teach by default.
CaptionWords canonical_caption(const Scene& scene);

// `count` distinct reference captions (kMinReferences..kMaxReferences), the canonical one first, the
// others in orders and phrasings drawn by `rng`. Every one names every item and places it truly.
std::vector<CaptionWords> scene_references(const Scene& scene, int count, Rng& rng);

// The words joined by spaces, with no space before a comma: "a bag, and a coat below the bag".
std::string caption_text(const CaptionWords& words);

}  // namespace mann
