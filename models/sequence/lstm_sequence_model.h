#pragma once
// Baseline sequence model: a stack of LSTM layers and a linear read-out. The NTM paper's LSTM baseline.
#include <memory>
#include <vector>

#include "framework/nn/linear.h"
#include "framework/nn/lstm_cell.h"
#include "models/sequence/sequence_model.h"

namespace mann {

class LstmSequenceModel : public SequenceModel {
 public:
  LstmSequenceModel(const ParamScope& scope, Index input_width, Index output_width, Index hidden, int layers,
                    Rng& rng);
  std::vector<Var> forward(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) override;

 private:
  std::vector<LSTMCell> layers_;
  Linear readout_;
};

}  // namespace mann
