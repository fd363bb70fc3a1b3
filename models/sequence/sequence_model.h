#pragma once
// A model that reads a sequence of input vectors and emits one output vector (logits) per time step:
// the NTM, an LSTM baseline, ... The SequenceLearner owns the task, the loss and the metrics.
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/addressing/addressing_module.h"
#include "framework/autodiff/tape.h"

namespace mann {

// What a forward pass gets besides the batch: training or evaluation mode, the training step and an Rng
// (for stochastic attention), an optional AttentionRecorder that collects every head's weightings as the
// model runs (for plots: the learner turns them into per-example maps), and the REINFORCE policy log.
// Models without attention ignore it. It is the addressing modules' own context, handed down unchanged.
using ForwardContext = AddressingContext;

class SequenceModel {
 public:
  virtual ~SequenceModel() = default;
  // Logits (B x output_width) for every time step of the batch.
  virtual std::vector<Var> forward(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) = 0;
  // Whether some head makes discrete choices that only REINFORCE trains (hard attention).
  virtual bool needs_reinforce() const { return false; }
};

}  // namespace mann
