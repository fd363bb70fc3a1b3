#pragma once
// The attention view of the retrieval reader: its read's weighting over the memory's (key, value) slots,
// the queried slot marked.
#include "framework/views/attention_views.h"

namespace mann {

class RetrievalReader;

class RetrievalViews : public AttentionViews {
 public:
  // Views of `reader`, which must outlive them; examples are drawn from eval_seed, the split and the index.
  RetrievalViews(RetrievalReader& reader, uint64_t eval_seed);

  // Nothing is recorded in checkpoints: one example's weighting says little that attention_view() does not.
  std::map<std::string, Matrix> attention_maps(Rng&) override { return {}; }
  // One panel: the memory's slots x the query.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  RetrievalReader& reader_;
  uint64_t eval_seed_;
};

}  // namespace mann
