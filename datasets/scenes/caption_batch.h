#pragma once
// A batch of captioned scenes for a captioning model: the images, the caption to learn from as token ids
// (padded to a rectangle), every reference caption for scoring, and the scenes themselves for item recall.
//
//   tokens: B x T ids, example-major (tokens[b * steps + t]); row b is <start> w_1 .. w_n <end> followed by
//           <pad> (CaptionVocabulary ids), lengths[b] = n + 2. Teacher forcing feeds tokens t = 0..len-2
//           and predicts tokens t = 1..len-1 (the last target is <end>; padding is never a target).
#include <vector>

#include "datasets/image/image_batch.h"
#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/scene_layout.h"

namespace mann {

struct CaptionBatch {
  ImageBatch images;                                  // pixels B x canvas^2; labels[b]: items in scene b
  int steps = 0;                                      // T: the longest lengths[b]
  std::vector<int> tokens;                            // B * T ids, as above
  std::vector<int> lengths;                           // tokens of row b before its padding
  std::vector<std::vector<CaptionWords>> references;  // all reference captions of example b
  std::vector<Scene> scenes;                          // the items of example b (classes, boxes, cells)

  // Number of examples (B).
  int size() const { return static_cast<int>(lengths.size()); }
  // Token t of row b.
  int token(int b, int t) const { return tokens[static_cast<std::size_t>(b) * steps + t]; }
};

}  // namespace mann
