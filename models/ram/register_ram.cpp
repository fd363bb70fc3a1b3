#include "models/ram/register_ram.h"

#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "framework/config/config_node.h"
#include "models/image/image_learner_specs.h"
#include "models/ram/ram_model.h"
#include "models/ram/ram_views.h"

namespace mann {
namespace {

// The registry's addressing module behind a grid attention: location logits are dot scores of the
// projected core state with one-hot candidate keys (grid_attention.h); hard's baseline is learned from the
// core state, as the Gaussian policy's.
AddressingModuleFactory grid_addressing(const Registry& registry, RamAttention attention) {
  std::string text;
  switch (attention) {
    case RamAttention::Hard:
      text = "{type: hard, score: dot, project_key: true, baseline: learned}";
      break;
    case RamAttention::Gumbel:
      text = "{type: gumbel, score: dot, project_key: true}";
      break;
    default:
      text = "{type: soft_content, score: dot, project_key: true}";
      break;
  }
  return [&registry, text](const ParamScope& scope, AddressingShape shape, Rng& rng) {
    const ConfigNode node = load_config_string(text, "<ram grid attention>");
    AddressingBuildContext context{scope, shape, rng};
    return registry.create<AddressingModule, AddressingBuildContext>("addressing", node, context);
  };
}

}  // namespace

void register_ram(Registry& r) {
  const RamOptions d;
  r.add<Learner, ModelContext>(
      {"model", "ram",
       "Recurrent attention model (Mnih et al. 2014) for image classification: glimpses at a few "
       "locations, a recurrent core, a classifier on its last state. Where to look next: a Gaussian "
       "policy trained by REINFORCE (gaussian), or one of a grid of centres chosen by hard (REINFORCE), "
       "gumbel or soft attention. Hybrid loss: cross-entropy + REINFORCE of the 1/0 reward with a learned "
       "baseline.",
       with_image_learner_specs(
           {option("glimpses", "int", d.glimpses, "glimpses per image").in(between(1, 100)),
            option("patch", "int", d.patch, "side of each patch in pixels (after averaging)")
                .in(between(1, 256)),
            option("scales", "int", d.scales, "patches per glimpse, each twice the side of the previous")
                .in(between(1, 8)),
            option("glimpse_hidden", "int", d.glimpse_hidden, "width of h_g and h_l").in(between(1, 65536)),
            option("glimpse_out", "int", d.glimpse_out, "width of the glimpse feature g")
                .in(between(1, 65536)),
            option("hidden", "int", d.hidden, "width of the core state").in(between(1, 65536)),
            enum_option("core", d.core, "core network: rnn (relu), lstm or gru"),
            enum_option(
                "first_glimpse", d.first_glimpse,
                "where the first glimpse looks: random (uniform over the image, the paper's) or centre"),
            enum_option("attention", d.attention,
                        "where to look: gaussian (RAM), or a grid of centres: hard, gumbel, soft"),
            option("std", "float", d.stddev, "gaussian: standard deviation of the location policy"),
            option("grid", "int", d.grid, "hard/gumbel/soft: candidate centres per side").in(between(2, 32)),
            enum_option("grid_keys", d.grid_keys,
                        "hard/gumbel/soft: cells (a logit per cell, G^4 to score) or axes (column + row "
                        "logits, a product distribution, 2 G^3 to score: for fine grids on large images)")})},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        RamOptions o;
        o.glimpses = v.get<int>("glimpses");
        o.patch = v.get<int>("patch");
        o.scales = v.get<int>("scales");
        o.glimpse_hidden = v.get<int>("glimpse_hidden");
        o.glimpse_out = v.get<int>("glimpse_out");
        o.hidden = v.get<int>("hidden");
        o.core = v.get<RamCoreKind>("core");
        o.first_glimpse = v.get<RamFirstGlimpse>("first_glimpse");
        o.attention = v.get<RamAttention>("attention");
        o.stddev = v.get<float>("std");
        if (!(o.stddev > 0.f)) v.fail("std", "must be positive");
        o.grid = v.get<int>("grid");
        o.grid_keys = v.get<GridKeys>("grid_keys");
        RamModel* ram = nullptr;
        const AddressingModuleFactory addressing = grid_addressing(v.registry(), o.attention);
        auto learner = make_image_learner(
            v, c, [&](const ParamScope& scope, const ImageShape& image, int classes, Rng& init) {
              auto model = std::make_unique<RamModel>(scope, image, classes, o, init, addressing);
              ram = model.get();
              return model;
            });
        learner->set_views(std::make_unique<RamViews>(*learner, *ram, c.eval_seed));
        return learner;
      });
}

}  // namespace mann
