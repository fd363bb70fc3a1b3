#include "framework/components/addressing_components.h"

#include "framework/addressing/gumbel_attention.h"
#include "framework/addressing/hard_attention.h"
#include "framework/addressing/ntm_location.h"
#include "framework/addressing/soft_content.h"
#include "framework/components/bound_options.h"

namespace mann {
namespace {

using BuiltModule = std::unique_ptr<AddressingModule>;

// soft_content's options, shared by the modules that score slots with it (hard, gumbel).
const BoundOptions<SoftContentOptions>& scorer_fields() {
  static const auto fields =
      BoundOptions<SoftContentOptions>()
          .field("score", &SoftContentOptions::score, "how a query scores a memory slot")
          .field("project_key", &SoftContentOptions::project_key,
                 "project the query to a key (unset: when widths differ, or for cosine)")
          .field("learn_key_strength", &SoftContentOptions::learn_key_strength,
                 "cosine: learn beta from the query")
          .field("key_strength", &SoftContentOptions::key_strength, "cosine: the fixed beta when not learned")
          .field("key_strength_bias", &SoftContentOptions::key_strength_bias,
                 "cosine: initial bias of learned beta")
          .field("additive_hidden", &SoftContentOptions::additive_hidden, "additive: hidden width (0: M)",
                 at_least(0))
          .field("cosine_eps", &SoftContentOptions::cosine_eps, "keeps cosine finite for zero keys or slots");
  return fields;
}

}  // namespace

void register_addressing_components(Registry& r) {
  static const auto location =
      BoundOptions<NTMLocationOptions>()
          .field("shift_range", &NTMLocationOptions::shift_range, "shifts by -r..r slots", at_least(0))
          .field("cosine_eps", &NTMLocationOptions::cosine_eps, "keeps cosine finite for zero keys or slots")
          .field("sharpen_eps", &NTMLocationOptions::sharpen_eps, "w + eps inside the sharpening log")
          .field("gate_bias", &NTMLocationOptions::gate_bias, "initial bias of the interpolation gate")
          .field("key_strength_bias", &NTMLocationOptions::key_strength_bias,
                 "initial bias of the key strength");
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "ntm_location",
       "NTM content + location addressing: cosine key match, interpolation, circular shift, sharpening.",
       location.specs()},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        return std::make_unique<NTMLocationAddressing>(c.scope, c.shape, c.rng, location.read(v));
      });
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "soft_content",
       "Soft content addressing: softmax of dot, scaled dot, cosine or additive scores.",
       scorer_fields().specs()},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        return std::make_unique<SoftContentAddressing>(c.scope, c.shape, c.rng, scorer_fields().read(v));
      });
  static const auto hard =
      BoundOptions<HardOptions>()
          .include(&HardOptions::scorer, scorer_fields())
          .field("samples", &HardOptions::samples, "slots drawn per step (their one-hots are averaged)",
                 at_least(1))
          .field("baseline", &HardOptions::baseline, "REINFORCE baseline")
          .field("ema_decay", &HardOptions::ema_decay, "ema baseline: decay")
          .field("baseline_loss_weight", [](HardOptions& o) -> float& { return o.learned.loss_weight; },
                 "learned baseline: loss weight")
          .field("log_prob_eps", &HardOptions::log_prob_eps, "log(p + eps) keeps log-probabilities finite");
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "hard",
       "Hard attention: sample slots from a soft_content distribution (REINFORCE), argmax at evaluation.",
       hard.specs()},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        return std::make_unique<HardAttention>(c.scope, c.shape, c.rng, hard.read(v));
      });
  static const auto gumbel =
      BoundOptions<GumbelOptions>()
          .include(&GumbelOptions::scorer, scorer_fields())
          .field("tau0", &GumbelOptions::tau0, "initial temperature", above(0))
          .field("tau_min", &GumbelOptions::tau_min, "floor of the temperature schedule", above(0))
          .field("decay_rate", &GumbelOptions::decay_rate, "tau = max(tau_min, tau0 exp(-rate step))")
          .field("straight_through", &GumbelOptions::straight_through, "one-hot forward, soft backward");
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "gumbel", "Gumbel-softmax attention over soft_content scores (straight-through by default).",
       gumbel.specs()},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        return std::make_unique<GumbelAttention>(c.scope, c.shape, c.rng, gumbel.read(v));
      });
}

AddressingModuleFactory addressing_factory(const ConfigView& model, std::string_view key) {
  return [&model, key](const ParamScope& scope, AddressingShape shape, Rng& rng) {
    AddressingBuildContext context{scope, shape, rng};
    return model.registry().create<AddressingModule, AddressingBuildContext>(model.child(key), context);
  };
}

AddressingModuleFactory optional_addressing_factory(const ConfigView& model, std::string_view key,
                                                    const std::string& what_it_takes) {
  const ConfigNode& node = model.value(key);
  if (node.is_scalar() && node.text() == "none") return {};
  if (!node.is_map()) model.fail(key, what_it_takes);
  const Registry* registry = &model.registry();
  return [&node, registry](const ParamScope& scope, AddressingShape shape, Rng& rng) {
    AddressingBuildContext context{scope, shape, rng};
    return registry->create<AddressingModule, AddressingBuildContext>("addressing", node, context);
  };
}

}  // namespace mann
