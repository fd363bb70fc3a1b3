#pragma once
// The attention views of an encoder-decoder: the alignment of each output token over the input tokens
// (Bahdanau et al. 2015, figure 3), on an example decoded as evaluation decodes it.
#include "framework/views/attention_views.h"

namespace mann {

class Seq2SeqLearner;

class Seq2SeqViews : public AttentionViews {
 public:
  // Views of `learner`'s model and task; the learner must outlive them. attention_view() draws its example
  // from eval_seed, the split and the index.
  Seq2SeqViews(Seq2SeqLearner& learner, uint64_t eval_seed);

  // One example drawn through rng from the evaluation lengths: "source", "target", "predicted" (token ids,
  // 1 x length) and, with attention, "alignment" (output tokens x source tokens).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // One panel: output tokens x input tokens. Empty without attention.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  Seq2SeqLearner& learner_;
  uint64_t eval_seed_;
};

}  // namespace mann
