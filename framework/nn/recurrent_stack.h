#pragma once
// Layers of LSTM or GRU cells, each layer reading the h of the one below: the one recurrent component the
// NTM controller, the LSTM baseline and the seq2seq encoder share.
//
// Each layer's parameters go under a scope the model names (LayerScopes), so every model keeps the
// parameter names its checkpoints already carry: "controller/lstm0" (numbered layers), "encoder/forward"
// (a single layer named for its direction), ...
#include <functional>
#include <string>
#include <vector>

#include "framework/nn/module.h"
#include "framework/nn/recurrent_cell.h"

namespace mann {

// Where a stack's parameters go: the stack's own scope (its module path) and the scope of layer `layer`
// (0 is the bottom layer, the one reading the input) under it.
struct LayerScopes {
  ParamScope stack;
  std::function<ParamScope(int layer)> layer;
};

// Layers numbered under scope: scope/<prefix>0, scope/<prefix>1, ...
LayerScopes numbered_layers(const ParamScope& scope, const std::string& prefix);
// A single layer whose parameters go directly under scope.
LayerScopes single_layer(const ParamScope& scope);

// Which way run() walks a sequence.
enum class Direction { LeftToRight, RightToLeft };

class RecurrentStack : public Module {
 public:
  // One state per layer, bottom first.
  using State = std::vector<RnnState>;

  // `layers` cells of `kind`: the bottom one reads input_size wide inputs, every other one the layer
  // below's h; all are hidden_size wide. Parameters are created bottom layer first, under layer_scopes.layer(l); the
  // stack is the module at layer_scopes.stack.
  // Throws UserError unless hidden_size and layers are positive.
  RecurrentStack(RnnKind kind, const LayerScopes& layer_scopes, Index input_size, Index hidden_size,
                 int layers, Rng& rng);

  // Zero states (batch x hidden_size) for every layer.
  State initial_state(Tape& tape, Index batch) const;
  // One time step: x (B x input_size) through every layer, advancing state; returns the top layer's h.
  Var step(Tape& tape, Var x, State& state) const;
  // A whole sequence from zero states, walked in `direction`. keep[t] (B x 1) is 1 on the real steps of
  // each example and 0 on padding, where every layer keeps its state, so a padded example ends with the
  // state of its last real step. Returns the top layer's h at each position, in position order.
  std::vector<Var> run(Tape& tape, const std::vector<Var>& inputs, const std::vector<Var>& keep,
                       Direction direction) const;

  // The width of every layer's h.
  Index hidden_size() const { return hidden_; }
  // How many layers are stacked.
  int layers() const { return static_cast<int>(cells_.size()); }

 private:
  Index hidden_;
  std::vector<RecurrentCell> cells_;
};

}  // namespace mann
