#include "models/sequence/lstm_sequence_model.h"

namespace mann {
namespace {
std::vector<LSTMCell> make_layers(const ParamScope& scope, Index input_width, Index hidden, int layers,
                                  Rng& rng) {
  std::vector<LSTMCell> cells;
  for (int l = 0; l < layers; ++l)
    cells.emplace_back(scope.sub("lstm" + std::to_string(l)), l == 0 ? input_width : hidden, hidden, rng);
  return cells;
}
}  // namespace

LstmSequenceModel::LstmSequenceModel(const ParamScope& scope, Index input_width, Index output_width,
                                     Index hidden, int layers, Rng& rng)
    : layers_(make_layers(scope, input_width, hidden, layers, rng)),
      readout_(scope.sub("readout"), hidden, output_width, rng) {}

std::vector<Var> LstmSequenceModel::forward(Tape& tape, const SequenceBatch& batch, ForwardContext&) {
  std::vector<LSTMState> states;
  for (const LSTMCell& cell : layers_) states.push_back(cell.initial_state(tape, batch.batch));
  std::vector<Var> outputs;
  outputs.reserve(batch.inputs.size());
  for (const Matrix& input : batch.inputs) {
    Var x = tape.constant(input);
    for (size_t l = 0; l < layers_.size(); ++l) {
      states[l] = layers_[l](tape, x, states[l]);
      x = states[l].h;
    }
    outputs.push_back(readout_(tape, x));
  }
  return outputs;
}

}  // namespace mann
