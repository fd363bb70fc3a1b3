#include "models/sequence/lstm_sequence_model.h"

namespace mann {

LstmSequenceModel::LstmSequenceModel(const ParamScope& scope, Index input_width, Index output_width,
                                     Index hidden, int layers, Rng& rng)
    : layers_(RnnKind::Lstm, numbered_layers(scope, "lstm"), input_width, hidden, layers, rng),
      readout_(scope.sub("readout"), hidden, output_width, rng) {}

std::vector<Var> LstmSequenceModel::forward(Tape& tape, const SequenceBatch& batch, ForwardContext&) {
  RecurrentStack::State state = layers_.initial_state(tape, batch.batch);
  std::vector<Var> outputs;
  outputs.reserve(batch.inputs.size());
  for (const Matrix& input : batch.inputs)
    outputs.push_back(readout_(tape, layers_.step(tape, tape.constant(input), state)));
  return outputs;
}

}  // namespace mann
