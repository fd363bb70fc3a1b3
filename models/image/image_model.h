#pragma once
// A model that classifies images, as the image learner (image_learner.h) drives it: class scores for a
// batch of pixels. The recurrent attention model (models/ram) and the whole-image baselines (MLP,
// convolutional nets, image_baselines.h) implement it, so one learner, one objective and one set of
// experiments serve them all and the attention choice is one line of YAML.
#include <string>

#include "framework/addressing/addressing_module.h"
#include "framework/autodiff/image_shape.h"
#include "framework/autodiff/tape.h"

namespace mann {

class ImageModel {
 public:
  virtual ~ImageModel() = default;
  /// The class scores (B x classes) of a batch of images (B x C*H*W, the layout of image_shape.h).
  /// ctx.training selects sampling; stochastic choices are logged to ctx.policy and owed on the tape.
  virtual Var logits(Tape& tape, Var pixels, AddressingContext& ctx) = 0;
  /// Whether the model makes choices only REINFORCE can train (the learner then adds their term).
  virtual bool needs_reinforce() const { return false; }
  /// Whether a forward pass draws random numbers when training (Monte Carlo evaluation samples it).
  virtual bool stochastic() const { return false; }
  /// A short name for messages and titles ("ram (gaussian)", "convnet").
  virtual std::string describe() const = 0;
};

}  // namespace mann
