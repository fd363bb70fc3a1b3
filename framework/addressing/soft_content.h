#pragma once
// Soft content-based addressing: a score per slot from the (optionally projected) query and the slot's
// contents, then a softmax over usable slots.
//
//   dot:        s_i = k . m_i
//   scaled_dot: s_i = k . m_i / sqrt(M)                     (Vaswani et al. 2017)
//   cosine:     s_i = beta * cos(k, m_i), beta = softplus(query W_beta + b_beta) (B x 1) or fixed
//                                                           (Graves et al. 2014, eq. 5-6)
//   additive:   s_i = v . tanh(q W + m_i U + b)             (Bahdanau et al. 2015)
//
// Parameters under the module's scope: key/{W,b} (the key projection k = q W + b, when project_key),
// beta/{W,b} (learned key strength), additive: W/{W,b}, U, v.
#include <optional>
#include <string>

#include "framework/addressing/addressing_module.h"
#include "framework/nn/linear.h"
#include "framework/nn/parameter_collection.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class ContentScore { Dot, ScaledDot, Cosine, Additive };

template <>
struct EnumNames<ContentScore> {
  static constexpr std::string_view noun = "content score";
  static constexpr auto entries =
      std::to_array<EnumEntry<ContentScore>>({{ContentScore::Dot, "dot"},
                                              {ContentScore::ScaledDot, "scaled_dot"},
                                              {ContentScore::Cosine, "cosine"},
                                              {ContentScore::Additive, "additive"}});
};

struct SoftContentOptions {
  ContentScore score = ContentScore::ScaledDot;
  // Project the query to a key of width M. Unset (default): project when query_width != memory_width or
  // for cosine (whose key should be free to differ from the raw query). Ignored by additive (W projects).
  std::optional<bool> project_key;
  // cosine only: learn beta = softplus(linear(query)) (default), or use the fixed key_strength.
  bool learn_key_strength = true;
  float key_strength = 1.f;       // the fixed beta when !learn_key_strength
  float key_strength_bias = 1.f;  // initial bias of the beta projection: beta starts near softplus(1) = 1.3
  Index additive_hidden = 0;      // additive: hidden width H; 0 = memory_width
  float cosine_eps = 1e-6f;       // keeps cosine finite for zero keys/slots
};

class SoftContentAddressing : public AddressingModule {
 public:
  SoftContentAddressing(const ParamScope& scope, AddressingShape shape, Rng& rng,
                        const SoftContentOptions& options = {});

  Var address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous, AddressingContext& ctx,
              const std::string& record_name) override;
  std::string type() const override { return "soft_content"; }
  // Dot scores have a linear form: the masked scores k . m_i themselves (MemN2N's linear start).
  bool has_linear_form() const override { return options_.score == ContentScore::Dot; }

  // The unnormalised scores (B x N): the logits that address() softmaxes over usable slots, and that hard /
  // gumbel attention sample from. Checks shapes (mask / previous may be null / invalid).
  Var scores(Tape& tape, Var memory, const Matrix* mask, Var query) const;
  // The masked softmax of scores(): what address() returns, without recording.
  Var distribution(Tape& tape, Var memory, const Matrix* mask, Var query) const;

  const SoftContentOptions& options() const { return options_; }
  const AddressingShape& shape() const { return shape_; }
  bool projects_key() const { return key_.has_value(); }

 private:
  AddressingShape shape_;
  SoftContentOptions options_;
  std::optional<Linear> key_;             // dot / scaled_dot / cosine
  std::optional<Linear> beta_;            // cosine with learned key strength
  std::optional<Linear> additive_query_;  // additive: q W + b
  Parameter* additive_memory_ = nullptr;  // additive: U (M x H)
  Parameter* additive_v_ = nullptr;       // additive: v (H x 1)
};

}  // namespace mann
