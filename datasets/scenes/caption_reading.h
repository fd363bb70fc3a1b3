#pragma once
// Reading a caption back into what it says about a scene: which classes it names and the relations and
// cells it gives them. The inverse of the grammar (caption_grammar.h), lenient enough for a model's
// captions: words it does not know, and sentences the grammar would not make, are read as far as they go.
//
//   - a class mention is a class's words ("ankle boot" both words); it introduces an item unless the word
//     before it is "the" (a reference back to an item already named);
//   - a relation phrase ("to the left of", "above", ...) relates the nearest mention before it (subject)
//     to the nearest mention after it (object); without both it says nothing;
//   - a cell phrase ("in the top left") places the nearest mention before it, or when there is none the
//     nearest one after it ("in the top left is a coat").
#include <vector>

#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/scene_geometry.h"

namespace mann {

// One mention of a class.
struct ClassMention {
  int label = 0;          // the class named
  bool definite = false;  // after "the": refers back to an item named before
};

// "<subject class> <relation> <object class>", e.g. sneaker to the left of bag.
struct RelationStatement {
  int subject = 0;  // class of the subject
  SpatialRelation relation = SpatialRelation::LeftOf;
  int object = 0;  // class of the object
};

// "<class> in the <cell>".
struct CellStatement {
  int label = 0;
  SceneCell cell = SceneCell::TopLeft;
};

// What a caption says.
struct CaptionReading {
  std::vector<ClassMention> mentions;        // in caption order
  std::vector<RelationStatement> relations;  // in caption order
  std::vector<CellStatement> cells;          // in caption order
};

// Reads `words` as described above.
CaptionReading read_caption(const CaptionWords& words);

}  // namespace mann
