#pragma once
// The attention views of a model on an algorithmic sequence task: each read and write head's weighting over
// the memory slots at every time step (the NTM paper's figure 6), on one example run at evaluation with
// every series the model records.
#include <memory>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/views/attention_views.h"
#include "models/sequence/sequence_model.h"

namespace mann {

class SequenceViews : public AttentionViews {
 public:
  // Views of `model` on `task`; both must outlive the views. attention_view() draws its example from
  // eval_seed, the split and the index.
  SequenceViews(SequenceTask& task, SequenceModel& model, uint64_t eval_seed);

  // One evaluation example: "input", "target", "output" (sigmoid of the logits), each (T x width), and
  // every series the model recorded (an NTM's "read0", "write0": T x N weightings; "add0": T x M).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // One panel per read and write head: memory slots x time steps, with a line where the output phase
  // starts; "train" draws at training lengths, "valid" and "test" at evaluation lengths. Empty for models
  // without heads (the LSTM).
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  struct RecordedExample;
  RecordedExample record_example(SequenceBatch batch, Rng& rng);

  SequenceTask& task_;
  SequenceModel& model_;
  uint64_t eval_seed_;
};

}  // namespace mann
