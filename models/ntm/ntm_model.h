#pragma once
// Neural Turing Machine (Graves, Wayne & Danihelka 2014) as a SequenceModel.
//
// Each time step t, in the order of the reference implementation (shared/bench/ref/ntm_copy.py):
//   h_t   = controller([x_t, r_{t-1}^1 .. r_{t-1}^R])
//   w_t^j = write addressing j (M_{t-1}, query h_t, w_{t-1}^j)        every write head, on the old memory
//   M_t   = M_{t-1} o prod_j (1 - w_t^j e_t^j) + sum_j w_t^j a_t^j     erase, then add (sec. 3.2)
//   w_t^i = read addressing i (M_t, query h_t, w_{t-1}^i)             reads see this step's writes
//   r_t^i = sum_n w_t^i(n) M_t(n)
//   y_t   = [h_t, r_t^1 .. r_t^R] W_out + b_out                       logits for the learner's BCE
// Every head's weighting comes from an AddressingModule (ntm_location by default; soft_content, hard or
// gumbel by config), and the erase/add vectors from an NTMWriteHead, both fed the controller output.
//
// Recording (ctx.recorder): "write<j>" and "read<i>" weightings (B x N), "add<j>" add vectors and
// "read_vector<i>" read vectors (B x M) at every step, for the paper's figure 6.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "framework/memory/ntm_write_head.h"
#include "framework/nn/linear.h"
#include "models/ntm/ntm_controller.h"
#include "models/ntm/ntm_options.h"
#include "models/sequence/sequence_model.h"

namespace mann {

// Builds the addressing module of one head under scope (write: a write head).
using AddressingFactory = std::function<std::unique_ptr<AddressingModule>(
    const ParamScope& scope, AddressingShape shape, Rng& rng, bool write)>;

// ntm_location with a shift range of 1 for every head: the paper's addressing.
AddressingFactory ntm_location_heads();

class NTMSequenceModel : public SequenceModel {
 public:
  // Parameters under scope: controller/..., write<j>/addressing/..., write<j>/{erase,add}/...,
  // read<i>/addressing/..., read<i>/r0 (learned read init), memory0 (learned or random memory init),
  // output/{W,b}.
  NTMSequenceModel(const ParamScope& scope, Index input_width, Index output_width, const NTMOptions& options,
                   Rng& rng, const AddressingFactory& addressing = ntm_location_heads());

  std::vector<Var> forward(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) override;
  bool needs_reinforce() const override;

  const NTMOptions& options() const { return options_; }

 private:
  struct ReadHead {
    std::unique_ptr<AddressingModule> addressing;
    Parameter* initial_read = nullptr;  // (1 x M) when read_init is learned
    std::string weighting_name, vector_name;
  };
  struct WriteHead {
    std::unique_ptr<AddressingModule> addressing;
    NTMWriteHead vectors;
    std::string weighting_name, add_name;
  };

  Var initial_memory(Tape& tape, Index batch) const;
  Var initial_read(Tape& tape, const ReadHead& head, Index batch) const;
  // The first step's "previous" weighting, or an invalid Var for modules that ignore it.
  Var initial_weighting(Tape& tape, const AddressingModule& module, Index batch) const;

  NTMOptions options_;
  NTMController controller_;
  std::vector<WriteHead> write_heads_;
  std::vector<ReadHead> read_heads_;
  Parameter* memory0_ = nullptr;  // (N x M) for learned or random memory init
  Linear output_;
};

}  // namespace mann
