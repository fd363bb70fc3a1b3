#pragma once
// The optimizer interface: updates parameter values from their accumulated gradients.
//
// Per-parameter state (momentum buffers, running averages) lives in named "slots" keyed by the parameter's
// name, so that state() / load_state() map one to one onto checkpoint entries
// ("model/hop2/C" -> {"m": ..., "v": ...}) and survive rebuilding the model. Slots are created as zeros the
// first time a parameter is stepped. Parameters with trainable == false are skipped.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "framework/autodiff/parameter.h"

namespace mann {

class Optimizer {
 public:
  using SlotMap = std::map<std::string, Matrix>;
  using State = std::map<std::string, SlotMap>;  // parameter name -> slot name -> tensor

  explicit Optimizer(float learning_rate) : learning_rate_(learning_rate) {}
  virtual ~Optimizer() = default;

  // One update of every trainable parameter from p->grad. Increments step_count() first, so that
  // bias-corrected methods see t = 1 on the first step.
  void step(const std::vector<Parameter*>& params);

  void set_learning_rate(float lr) { learning_rate_ = lr; }
  float learning_rate() const { return learning_rate_; }
  int64_t step_count() const { return step_count_; }

  // A short identifier of the method ("sgd", "rmsprop", "graves_rmsprop", "adam"), stored in checkpoints.
  virtual std::string type() const = 0;
  // The slots this optimizer keeps for each parameter (may depend on its options, e.g. momentum).
  virtual std::vector<std::string> slot_names() const = 0;

  // A copy of all slots.
  State state() const { return state_; }
  // Replaces all slots and the step count. Validates against params: every entry must name one of them,
  // carry exactly slot_names() with the parameter's shape; after step 0 every trainable parameter must be
  // present. Throws UserError naming the first problem; the optimizer is unchanged on error.
  void load_state(const std::vector<Parameter*>& params, const State& state, int64_t step_count);
  // Forgets all slots and resets the step count.
  void reset();

 protected:
  // Updates one parameter; slots holds slot_names(), shaped like p.value (zeros on first use).
  virtual void update(Parameter& p, SlotMap& slots) = 0;

 private:
  float learning_rate_;
  int64_t step_count_ = 0;
  State state_;
};

}  // namespace mann
