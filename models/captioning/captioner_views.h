#pragma once
// The attention views of the captioner: for each generated word, its attention over the annotation grid
// (Show, Attend and Tell, figures 2-3), as a panel of words x grid places.
#include "framework/views/attention_views.h"

namespace mann {

class CaptionerLearner;

class CaptionerViews : public AttentionViews {
 public:
  // Views of `learner`'s model on its scenes; the learner must outlive them.
  explicit CaptionerViews(CaptionerLearner& learner) : learner_(learner) {}

  // Test scene 0: "alignment" (words x places) and "predicted" (token ids).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // Scene `index` of `split`: generated words x grid places ("row,col"), the references' first caption and
  // the generated one in the title. Empty without attention.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  CaptionerLearner& learner_;
};

}  // namespace mann
