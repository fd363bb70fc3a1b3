#include "framework/components/addressing_components.h"

#include "framework/addressing/gumbel_attention.h"
#include "framework/addressing/hard_attention.h"
#include "framework/addressing/ntm_location.h"
#include "framework/addressing/soft_content.h"
#include "framework/components/spec_helpers.h"

namespace mann {
namespace {

using BuiltModule = std::unique_ptr<AddressingModule>;

// soft_content's options, shared by the modules that score slots with it (hard, gumbel).
std::vector<OptionSpec> scorer_options() {
  const SoftContentOptions d;
  return {
      enum_option("score", d.score, "how a query scores a memory slot"),
      OptionSpec{"project_key", "bool", "", false,
                 "project the query to a key (unset: when widths differ, or for cosine)"},
      option("learn_key_strength", "bool", d.learn_key_strength, "cosine: learn beta from the query"),
      option("key_strength", "float", d.key_strength, "cosine: the fixed beta when not learned"),
      option("key_strength_bias", "float", d.key_strength_bias, "cosine: initial bias of learned beta"),
      option("additive_hidden", "int", static_cast<int>(d.additive_hidden), "additive: hidden width (0: M)"),
      option("cosine_eps", "float", d.cosine_eps, "keeps cosine finite for zero keys or slots")};
}

SoftContentOptions read_scorer(const ConfigView& v) {
  SoftContentOptions o;
  o.score = v.get<ContentScore>("score");
  if (v.has("project_key")) o.project_key = v.get<bool>("project_key");
  o.learn_key_strength = v.get<bool>("learn_key_strength");
  o.key_strength = v.get<float>("key_strength");
  o.key_strength_bias = v.get<float>("key_strength_bias");
  o.additive_hidden = v.get<int>("additive_hidden");
  if (o.additive_hidden < 0) v.fail("additive_hidden", "must be >= 0");
  o.cosine_eps = v.get<float>("cosine_eps");
  return o;
}

std::vector<OptionSpec> with(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

void register_addressing_components(Registry& r) {
  const NTMLocationOptions loc;
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing",
       "ntm_location",
       "NTM content + location addressing: cosine key match, interpolation, circular shift, sharpening.",
       {option("shift_range", "int", loc.shift_range, "shifts by -r..r slots"),
        option("cosine_eps", "float", loc.cosine_eps, "keeps cosine finite for zero keys or slots"),
        option("sharpen_eps", "float", loc.sharpen_eps, "w + eps inside the sharpening log"),
        option("gate_bias", "float", loc.gate_bias, "initial bias of the interpolation gate"),
        option("key_strength_bias", "float", loc.key_strength_bias, "initial bias of the key strength")}},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        if (v.get<int>("shift_range") < 0) v.fail("shift_range", "must be >= 0");
        return std::make_unique<NTMLocationAddressing>(
            c.scope, c.shape, c.rng,
            NTMLocationOptions{v.get<int>("shift_range"), v.get<float>("cosine_eps"),
                               v.get<float>("sharpen_eps"), v.get<float>("gate_bias"),
                               v.get<float>("key_strength_bias")});
      });
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "soft_content",
       "Soft content addressing: softmax of dot, scaled dot, cosine or additive scores.", scorer_options()},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        return std::make_unique<SoftContentAddressing>(c.scope, c.shape, c.rng, read_scorer(v));
      });
  const HardOptions hard;
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "hard",
       "Hard attention: sample slots from a soft_content distribution (REINFORCE), argmax at evaluation.",
       with(scorer_options(),
            {option("samples", "int", hard.samples, "slots drawn per step (their one-hots are averaged)"),
             enum_option("baseline", hard.baseline, "REINFORCE baseline"),
             option("ema_decay", "float", hard.ema_decay, "ema baseline: decay"),
             option("baseline_loss_weight", "float", hard.learned.loss_weight,
                    "learned baseline: loss weight"),
             option("log_prob_eps", "float", hard.log_prob_eps,
                    "log(p + eps) keeps log-probabilities finite")})},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        HardOptions o;
        o.scorer = read_scorer(v);
        o.samples = v.get<int>("samples");
        if (o.samples <= 0) v.fail("samples", "must be positive");
        o.baseline = v.get<BaselineKind>("baseline");
        o.ema_decay = v.get<float>("ema_decay");
        o.learned.loss_weight = v.get<float>("baseline_loss_weight");
        o.log_prob_eps = v.get<float>("log_prob_eps");
        return std::make_unique<HardAttention>(c.scope, c.shape, c.rng, o);
      });
  const GumbelOptions gumbel;
  r.add<AddressingModule, AddressingBuildContext>(
      {"addressing", "gumbel",
       "Gumbel-softmax attention over soft_content scores (straight-through by default).",
       with(scorer_options(),
            {option("tau0", "float", gumbel.tau0, "initial temperature"),
             option("tau_min", "float", gumbel.tau_min, "floor of the temperature schedule"),
             option("decay_rate", "float", gumbel.decay_rate, "tau = max(tau_min, tau0 exp(-rate step))"),
             option("straight_through", "bool", gumbel.straight_through, "one-hot forward, soft backward")})},
      [](const ConfigView& v, AddressingBuildContext& c) -> BuiltModule {
        GumbelOptions o;
        o.scorer = read_scorer(v);
        o.tau0 = v.get<float>("tau0");
        o.tau_min = v.get<float>("tau_min");
        o.decay_rate = v.get<float>("decay_rate");
        o.straight_through = v.get<bool>("straight_through");
        if (o.tau0 <= 0.f || o.tau_min <= 0.f) v.fail("tau0", "temperatures must be positive");
        return std::make_unique<GumbelAttention>(c.scope, c.shape, c.rng, o);
      });
}

AddressingModuleFactory addressing_factory(const ConfigView& model, std::string_view key) {
  return [&model, key](const ParamScope& scope, AddressingShape shape, Rng& rng) {
    AddressingBuildContext context{scope, shape, rng};
    return model.registry().create<AddressingModule, AddressingBuildContext>(model.child(key), context);
  };
}

}  // namespace mann
