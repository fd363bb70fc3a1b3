#pragma once
// One step of an LSTM (Hochreiter & Schmidhuber 1997, with forget gate, Gers et al. 2000; no peepholes):
//
//   [i f g o] = x W + h U + b           (one (B x 4H) pre-activation, gates in this column order)
//   c' = sigmoid(f) * c + sigmoid(i) * tanh(g)
//   h' = sigmoid(o) * tanh(c')
//
// W is glorot-initialised and U orthogonal per gate block (keeps h U well conditioned over many steps).
// The forget-gate bias starts at forget_bias (1 by default; Jozefowicz et al. 2015) so that the cell
// remembers by default early in training.
#include <string>

#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct LSTMState {
  Var h;  // (B x H)
  Var c;  // (B x H)
};

struct LSTMOptions {
  float forget_bias = 1.f;
  Init input_init = Init::glorot();
  Init recurrent_init = Init::orthogonal();  // applied to each (H x H) gate block of U
};

class LSTMCell : public Module {
 public:
  // Creates "W" (input x 4H), "U" (H x 4H) and "b" (1 x 4H) under scope.
  LSTMCell(const ParamScope& scope, Index input_size, Index hidden_size, Rng& rng,
           const LSTMOptions& options = {});

  LSTMState operator()(Tape& tape, Var x, const LSTMState& state) const;
  // Zeros of shape (batch x H) for h and c.
  LSTMState initial_state(Tape& tape, Index batch) const;

  Index input_size() const { return input_; }
  Index hidden_size() const { return hidden_; }
  Parameter& W() const { return *W_; }
  Parameter& U() const { return *U_; }
  Parameter& b() const { return *b_; }

 private:
  Index input_, hidden_;
  Parameter* W_;
  Parameter* U_;
  Parameter* b_;
};

// A (rows x blocks*cols) matrix made of `blocks` independently initialised (rows x cols) blocks side by
// side: gate-wise initialisation of the recurrent weights of LSTM/GRU cells.
Matrix initialize_blocks(const Init& init, Index rows, Index cols, Index blocks, Rng& rng);

}  // namespace mann
