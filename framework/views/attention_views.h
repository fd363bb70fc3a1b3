#pragma once
// What a model shows of its attention, apart from training: the learner trains, its views draw. A learner
// whose model attends returns its views (Learner::views()); `mann attention` draws attention_view(), and the
// final checkpoint of a run keeps attention_maps() and attention_texts() for users who read HDF5 directly.
//
// Views recompute the attention with the current parameters and never change the model or the training
// state (they draw their examples from their own seeds, not from the training RNG).
#include <cstdint>
#include <map>
#include <string>

#include "framework/autodiff/matrix.h"
#include "framework/util/rng.h"
#include "framework/views/attention_view.h"

namespace mann {

class AttentionViews {
 public:
  virtual ~AttentionViews() = default;

  // What the model attended to on a few examples, for the checkpoint's /attention group: path -> matrix,
  // e.g. "read0" (time x slots) for one example drawn through `rng` (NTM paper, figure 6), or
  // "example0/hop1" for fixed examples (MemN2N).
  virtual std::map<std::string, Matrix> attention_maps(Rng& rng) = 0;
  // The text that explains attention_maps() (the examples' sentences), stored beside them under /extra;
  // keys start with "attention/". Empty when the maps explain themselves.
  virtual std::map<std::string, std::string> attention_texts() const { return {}; }
  // The attention of example `index` of `split` ("train", "valid", "test"), labelled for drawing. Generated
  // datasets draw example `index` from a seed derived from the split and index, so the same call shows the
  // same example. An empty view (no panels) when this model has nothing to draw (an LSTM, seq2seq without
  // attention); an index or split out of range is a UserError.
  virtual AttentionView attention_view(const std::string& split, int64_t index) = 0;
};

}  // namespace mann
