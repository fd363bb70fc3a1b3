#pragma once
// NTM content + location addressing (Graves et al. 2014, "Neural Turing Machines", section 3.3):
//
//   w_c = softmax(beta * cos(k, M_i))          content weighting over usable slots      (eq. 5)
//   w_g = g w_c + (1 - g) w_prev               interpolation gate                       (eq. 7)
//   w~  = circular_conv(w_g, s)                shift distribution over offsets -r..r    (eq. 8)
//   w   = w~^gamma / sum_j w~_j^gamma          sharpening                               (eq. 9)
//
// with, from the query: key k = linear (M), beta = softplus(linear) (B x 1), g = sigmoid(linear) (B x 1),
// s = softmax(linear) (B x 2r+1), gamma = 1 + softplus(linear) (B x 1). Parameters under the scope:
// key, beta, gate, shift, gamma (each {W, b}).
//
// Sharpening is computed as softmax(gamma * log(w~ + eps)) over usable slots, which equals eq. 9 with eps
// inside the power but cannot underflow to 0/0 when gamma is large and w~ tiny (the max is subtracted
// before exponentiating). Masked slots get exactly 0 at the end even where the shift moved mass onto them
// (that mass is dropped and the rest renormalised); the shift wraps around all N slots.
//
// previous: the last step's weighting (B x N). For the first step pass initial_weighting() (one-hot on the
// first usable slot, as is usual for NTM heads); an invalid previous is treated the same way.
#include <string>

#include "framework/addressing/addressing_module.h"
#include "framework/nn/linear.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct NTMLocationOptions {
  int shift_range = 1;        // r: shifts by -r..r slots (2r+1 offsets)
  float cosine_eps = 1e-6f;   // keeps cosine finite for zero keys/slots
  float sharpen_eps = 1e-6f;  // w~ + eps inside the log of the sharpening step
  float gate_bias = 0.f;      // initial bias of the gate projection (0: g starts near 0.5)
  float key_strength_bias = 1.f;
};

class NTMLocationAddressing : public AddressingModule {
 public:
  NTMLocationAddressing(const ParamScope& scope, AddressingShape shape, Rng& rng,
                        const NTMLocationOptions& options = {});

  Var address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous, AddressingContext& ctx,
              const std::string& record_name) override;
  bool uses_previous() const override { return true; }
  std::string type() const override { return "ntm_location"; }

  // The addressing pipeline from explicit head outputs (what address() computes from the query), exposed
  // for tests and for models that produce the head parameters themselves. key (B x M), beta, gate,
  // gamma (B x 1) already in their ranges; shift (B x 2r+1) a distribution.
  static Var address_with(Var memory, const Matrix* mask, Var key, Var beta, Var gate, Var shift, Var gamma,
                          Var previous, const NTMLocationOptions& options);

  // One-hot on the first usable slot of each example (slot 0 when mask is null): the first-step weighting.
  static Matrix initial_weighting(Index batch, Index slots, const Matrix* mask = nullptr);

  const NTMLocationOptions& options() const { return options_; }

 private:
  AddressingShape shape_;
  NTMLocationOptions options_;
  Linear key_, beta_, gate_, shift_, gamma_;
};

}  // namespace mann
