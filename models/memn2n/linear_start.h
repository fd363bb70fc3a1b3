#pragma once
// Linear start (LS, Sukhbaatar et al. 2015, sec. 4.2): training begins with the softmax of every hop's
// attention removed (the addressing modules' linear form, AddressingContext::linear) at a smaller learning
// rate, and puts it back for good once the validation loss stops falling. Its state lives in buffers under
// the scope it is given ("state/linear_start", "_wait", "_end"), so a resumed run continues the same phase.
#include <cstdint>
#include <functional>

#include "framework/nn/parameter_collection.h"

namespace mann {

struct LinearStartOptions {
  bool enabled = false;     // train without the attention softmax until validation loss stops falling
  float lr_factor = 0.5f;   // LS trains at lr * this (paper: 0.005 vs 0.01), applied as a loss scale
  int max_epochs = 20;      // LS ends after this many epochs at the latest (0: only on the loss criterion)
  bool fixed = false;       // LS lasts exactly max_epochs (no validation-loss criterion)
  int patience = 1;         // LS ends after this many epochs in a row without a lower validation loss
  bool restart_schedule = false;  // the lr schedule starts over when LS ends (authors' code), else runs on
};

class LinearStart {
 public:
  // Creates the state buffers under `state` (named "linear_start", "linear_start_wait",
  // "linear_start_end"; older checkpoints may lack them, and then keep the configured start).
  LinearStart(const ParamScope& state, const LinearStartOptions& options);

  // Whether training is still in the linear phase.
  bool active() const;
  // The factor on the loss while LS lasts (its smaller learning rate, the same thing for SGD), else 1.
  float loss_scale() const { return active() ? options_.lr_factor : 1.f; }
  // Called at the start of every epoch (>= 1) while active: ends LS after max_epochs, or (unless fixed)
  // once the validation loss, asked of validation_loss() when there is validation data, has not reached a
  // new low for `patience` epochs in a row. Returns true when LS ends here.
  bool start_of_epoch(int64_t epoch, bool has_validation, const std::function<double()>& validation_loss);
  // Where the learning-rate schedule starts from (Learner::schedule_origin): 0, or with restart_schedule the
  // epoch at which LS ended (while it lasts, a point the schedule never reaches, so lr stays at lr(0)).
  int64_t schedule_origin() const;

 private:
  LinearStartOptions options_;
  Parameter* state_;  // (1 x 2): LS active (1/0), best validation loss during LS
  Parameter* wait_;   // (1 x 1): LS epochs since the best validation loss
  Parameter* end_;    // (1 x 1): the epoch at which LS ended (0 while it lasts or without LS)
};

}  // namespace mann
