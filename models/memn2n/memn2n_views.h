#pragma once
// The attention views of a MemN2N on bAbI: each hop's weighting over the story sentences of one question
// (the paper's figure 2), supporting facts marked, the question with the true and the predicted answer as
// the title. With attended padding, the weight on the empty slots is one more row, "(nothing)".
#include "framework/views/attention_views.h"

namespace mann {

class MemN2NLearner;

class MemN2NViews : public AttentionViews {
 public:
  // Views of `learner`'s model on its data (it must outlive them). recorded_examples: test questions whose
  // attention the final checkpoint keeps, spread over the split; attend_empty_slots: as the learner's.
  MemN2NViews(MemN2NLearner& learner, int recorded_examples, bool attend_empty_slots);

  // Per recorded question: "example<i>/hop<k>" (1 x sentences, plus "nothing" with attended padding) and
  // "example<i>/predicted" (the answer's word id).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // Per recorded question, "attention/example<i>": its sentences, one line per memory slot, then the
  // question, answer and supporting facts.
  std::map<std::string, std::string> attention_texts() const override;
  // Question `index` of `split`: story sentences x hops.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  std::vector<int> recorded_examples() const;
  // One question's attention over its n story memories (plus "nothing" with attended padding).
  Matrix story_attention(const Matrix& hop, Index example, Index n) const;

  MemN2NLearner& learner_;
  int recorded_;
  bool attend_empty_slots_;
};

}  // namespace mann
