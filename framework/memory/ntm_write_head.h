#pragma once
// An NTM write head's vectors from a controller output q (B x Q): erase e = sigmoid(q W_e + b_e) and add
// a = tanh(q W_a + b_a) (or linear), each (B x M); the weighting comes from an addressing module. Parameters
// under the scope: erase/{W,b}, add/{W,b}.
#include <string>

#include "framework/memory/ntm_write.h"
#include "framework/nn/linear.h"
#include "framework/util/enum_names.h"

namespace mann {

// The squashing of the add vectors: tanh (the NTM paper) or none (the reference implementation).
enum class AddActivation { Tanh, Linear };

template <>
struct EnumNames<AddActivation> {
  static constexpr std::string_view noun = "add activation";
  static constexpr auto entries = std::to_array<EnumEntry<AddActivation>>(
      {{AddActivation::Linear, "linear"}, {AddActivation::Tanh, "tanh"}});
};

struct NTMWriteHeadOptions {
  AddActivation add_activation = AddActivation::Tanh;
  float erase_bias = 0.f;  // initial bias of the erase projection (0: e starts near 0.5)
};

class NTMWriteHead {
 public:
  NTMWriteHead(const ParamScope& scope, Index controller_width, Index memory_width, Rng& rng,
               const NTMWriteHeadOptions& options = {});

  Var erase(Tape& tape, Var controller) const;  // (B x M) in [0, 1]
  Var add(Tape& tape, Var controller) const;    // (B x M)
  // M' = ntm_write(memory, weights, erase(controller), add(controller)).
  Var write(Tape& tape, Var memory, Var weights, Var controller) const;

 private:
  std::string name_;
  NTMWriteHeadOptions options_;
  Linear erase_, add_;
};

}  // namespace mann
