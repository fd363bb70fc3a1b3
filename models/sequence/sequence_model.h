#pragma once
// A model that reads a sequence of input vectors and emits one output vector (logits) per time step:
// the NTM, an LSTM baseline, ... The SequenceLearner owns the task, the loss and the metrics.
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/autodiff/tape.h"

namespace mann {

class SequenceModel {
 public:
  virtual ~SequenceModel() = default;
  // Logits (B x output_width) for every time step of the batch.
  virtual std::vector<Var> forward(Tape& tape, const SequenceBatch& batch) = 0;
};

}  // namespace mann
