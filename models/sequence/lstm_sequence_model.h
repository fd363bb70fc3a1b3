#pragma once
// Baseline sequence model: a stack of LSTM layers and a linear read-out. The NTM paper's LSTM baseline.
#include <vector>

#include "framework/nn/linear.h"
#include "framework/nn/recurrent_stack.h"
#include "models/sequence/sequence_model.h"

namespace mann {

class LstmSequenceModel : public SequenceModel {
 public:
  // Parameters under scope: lstm<k>/{W,U,b} for each layer, readout/{W,b}.
  LstmSequenceModel(const ParamScope& scope, Index input_width, Index output_width, Index hidden, int layers,
                    Rng& rng);
  // Logits (B x output_width) of the read-out of the top layer at every step.
  std::vector<Var> forward(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) override;

 private:
  RecurrentStack layers_;
  Linear readout_;
};

}  // namespace mann
