#pragma once
// The attention of a reader over the document's tokens (Hermann et al. 2015, figure 3): one row per read
// (the attentive reader reads once, the impatient reader once per query token), the answer's occurrences
// marked in the column labels ("[@entity3]") and the prediction in the title.
#include "framework/views/attention_views.h"

namespace mann {

class ReaderLearner;

class ReaderViews : public AttentionViews {
 public:
  // Views of `learner`'s model and corpus; the learner must outlive them.
  explicit ReaderViews(ReaderLearner& learner) : learner_(learner) {}

  // The first three test questions: "example<i>/document", "example<i>/query" (word ids, 1 x length) and
  // "example<i>/attention" (reads x document tokens).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // Those examples in words.
  std::map<std::string, std::string> attention_texts() const override;
  // Question `index` of `split`: reads x document tokens. Empty for the deep LSTM reader.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  ReaderLearner& learner_;
};

}  // namespace mann
