#pragma once
// The swappable attention / memory-addressing interface.
//
// An addressing module turns a query and a memory into a weighting over the memory's slots; a read is then
// the weighted sum of slots, memory_read(weights, memory). Conventions (see framework/autodiff/ops.h):
//   memory  (B*N x M): example b owns rows b*N .. b*N+N-1;
//   mask    (B x N):   1 = usable slot, 0 = empty/padded; nullptr = all usable;
//   query   (B x Q);
//   result  (B x N):   rows sum to 1 over usable slots, masked slots get exactly 0 (a row with no usable
//                      slot gets all zeros).
// Modules are built as XAddressing(const ParamScope& scope, AddressingShape shape, Rng& rng,
// const XOptions& options) and own the projections of the query they need, created under their scope.
#include <cstdint>
#include <string>
#include <vector>

#include "framework/addressing/attention_recorder.h"
#include "framework/addressing/policy_log.h"
#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/util/rng.h"

namespace mann {

struct AddressingShape {
  Index query_width = 0;   // Q
  Index memory_width = 0;  // M
  Index slots = 0;         // N; 0 = any (taken from the memory's rows / batch at each call)
};

struct AddressingContext {
  bool training = true;  // hard: sample when training, argmax otherwise; gumbel: noise only when training
  Rng* rng = nullptr;    // required by stochastic modules when training
  int64_t step = 0;      // training step, for temperature schedules
  AttentionRecorder* recorder = nullptr;  // may be null
  PolicyLog* policy = nullptr;            // hard modules append here when training (may be null)
  // Ask for the module's linear form: its scores without the softmax, zero on masked slots (MemN2N's linear
  // start, sec. 4.2). Only modules with has_linear_form() accept it; the others throw std::logic_error.
  bool linear = false;
  // Rows (examples) that read the expected weighting p instead of a sample while training, one flag per
  // row; null: every row samples. Show, Attend and Tell's variance reduction (sec. 4.1: with probability
  // 0.5 per image the sampled location is set to its expected value), drawn once per example by the model so
  // the whole caption reads the same way. Only modules that sample discrete choices (hard) use it.
  const std::vector<bool>* expected_rows = nullptr;
};

class AddressingModule : public Module {
 public:
  // previous: (B x N) previous weighting, or an invalid Var{} for modules that do not use it.
  // record_name: the series the weighting is recorded under when ctx.recorder is set ("" = not recorded).
  virtual Var address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous,
                      AddressingContext& ctx, const std::string& record_name) = 0;

  virtual bool uses_previous() const { return false; }
  virtual bool stochastic() const { return false; }  // draws random numbers when training (needs ctx.rng)
  // Makes discrete choices whose gradient comes only from REINFORCE: it logs them to ctx.policy, and the
  // model must add reinforce_surrogate() of that log to its loss.
  virtual bool needs_reinforce() const { return false; }
  // Has a linear form (see AddressingContext::linear): soft_content with dot scores, whose linear form is
  // MemN2N's u . m_i.
  virtual bool has_linear_form() const { return false; }
  virtual std::string type() const = 0;

 protected:
  // Its parameters (projections, baselines) go under scope.
  explicit AddressingModule(const ParamScope& scope) : Module(scope) {}
};

}  // namespace mann
