#pragma once
// The scores of captions generated for fashion_scenes, in one place: corpus BLEU-1..4 against all
// references (framework/eval/bleu.h), exact match (the caption equals one of its references), and the
// recall of the scene's items, by class and by place (datasets/scenes/scene_recall.h defines both).
// Add captions batch by batch; read the corpus scores at the end.
#include <vector>

#include "datasets/scenes/caption_batch.h"
#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/scene_layout.h"
#include "datasets/scenes/scene_recall.h"
#include "framework/eval/bleu.h"

namespace mann {

// The corpus scores.
struct CaptionScores {
  BleuScore bleu;           // bleu.bleu[n - 1] is BLEU-n
  double exact_match = 0;   // share of captions equal to one of their references
  double class_recall = 0;  // items whose class is mentioned / items
  double place_recall = 0;  // items placed correctly / items
  int captions = 0;         // captions scored
};

class CaptionScorer {
 public:
  // Scores `caption` for a scene with its `references`.
  void add(const CaptionWords& caption, const std::vector<CaptionWords>& references, const Scene& scene);
  // Scores captions[b] for example b of `batch` (its references and scene). Throws UserError when the
  // number of captions differs from the batch size.
  void add(const std::vector<CaptionWords>& captions, const CaptionBatch& batch);
  // The scores of everything added (all 0 before anything is).
  CaptionScores scores() const;

 private:
  BleuCounts bleu_;
  SceneRecall recall_;
  int captions_ = 0, exact_ = 0;
};

}  // namespace mann
