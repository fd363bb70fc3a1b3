#include "models/captioning/register_captioning.h"

#include "datasets/scenes/captioned_image_dataset.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "models/captioning/captioner_learner.h"
#include "models/model_context.h"

namespace mann {

void register_captioning(Registry& r) {
  const CaptionerOptions d;
  r.add<Learner, ModelContext>(
      {"model",
       "captioner",
       "Show, Attend and Tell (Xu et al. 2015): a conv encoder's grid of annotation vectors, an LSTM decoder "
       "attending over it through an addressing module (soft_content additive = the paper's soft attention, "
       "hard = its stochastic attention by REINFORCE, gumbel), teacher forcing, greedy or beam decoding "
       "(eval.beam_size) scored by BLEU-1..4, exact match and item recall.",
       {option("filters", "int_list", std::string("[16, 32]"), "output channels of each conv layer"),
        option("kernel", "int", d.encoder.kernel, "conv kernel side").in(at_least(1)),
        option("stride", "int", d.encoder.stride, "conv stride").in(at_least(1)),
        option("pool", "bool", d.encoder.pool, "2x2 max pooling after each conv layer"),
        enum_option("cell", d.cell, "the decoder's recurrent cell"),
        option("embed", "int", d.embed, "word embedding width").in(at_least(1)),
        option("hidden", "int", d.hidden, "decoder state width").in(at_least(1)),
        option("attention", "component:addressing", std::string("{type: soft_content, score: additive}"),
               "none (the mean annotation only) or an addressing block: soft_content additive (soft), "
               "hard (REINFORCE), gumbel")
            .or_none(),
        option("gate", "bool", d.decoder.gate_context, "the gating scalar beta on the context (the paper's)"),
        option("init_cell", "bool", d.decoder.init_cell, "c_0 from the mean annotation too (else zero)"),
        option("deep_output", "bool", d.decoder.deep_output,
               "deep output layer: logits from E y_{t-1} + L_h h_t + L_z z_t"),
        option("attention_penalty", "float", d.attention_penalty,
               "lambda of the doubly stochastic penalty sum_i (1 - sum_t alpha_ti)^2 (soft attention)")
            .in(at_least(0)),
        option("entropy_weight", "float", d.entropy_weight, "REINFORCE entropy bonus (hard attention)"),
        option("expected_context", "float", d.expected_context,
               "hard attention: chance per training caption of reading the expected context instead of "
               "sampled places (the paper's 0.5)")
            .in(between(0, 1)),
        enum_option("reward", d.reward,
                    "hard attention: what each word's choice is rewarded with: caption (the whole caption's "
                    "log-likelihood, the paper's) or to_go (the words from that step on)"),
        option("step_baseline", "bool", d.step_baseline,
               "with reward to_go: one moving-average baseline per word position instead of the attention "
               "module's"),
        option("step_baseline_decay", "float", d.step_baseline_decay,
               "with step_baseline: each average's old weight at every update")
            .in(between(0, 1)),
        option("max_words", "int", d.max_words, "decoding stops after this many tokens").in(at_least(1))}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        auto& data = c.dataset_as<CaptionedImageDataset>(v, "captioned_images", "fashion_scenes");
        CaptionerOptions o;
        o.encoder.filters = v.get<std::vector<int>>("filters");
        for (int f : o.encoder.filters)
          if (f <= 0) v.fail("filters", "every layer needs a positive number of filters");
        o.encoder.kernel = v.get<int>("kernel");
        o.encoder.stride = v.get<int>("stride");
        o.encoder.pool = v.get<bool>("pool");
        o.cell = v.get<RnnKind>("cell");
        o.embed = v.get<int>("embed");
        o.hidden = v.get<int>("hidden");
        o.decoder.gate_context = v.get<bool>("gate");
        o.decoder.init_cell = v.get<bool>("init_cell");
        o.decoder.deep_output = v.get<bool>("deep_output");
        o.attention_penalty = v.get<float>("attention_penalty");
        o.entropy_weight = v.get<float>("entropy_weight");
        o.expected_context = v.get<float>("expected_context");
        o.reward = v.get<CaptionReward>("reward");
        o.step_baseline = v.get<bool>("step_baseline");
        if (o.step_baseline && o.reward != CaptionReward::ToGo)
          v.fail("step_baseline",
                 "a baseline per word position needs `reward: to_go` (with `caption` every "
                 "choice gets the same reward)");
        o.step_baseline_decay = v.get<float>("step_baseline_decay");
        o.max_words = v.get<int>("max_words");
        o.batch = c.batches.batch;
        o.eval_batch = c.batches.eval_batch;
        o.eval_batches = c.batches.eval_batches;
        o.beam_size = c.batches.beam_size;
        o.seed = c.seed;
        return std::make_unique<CaptionerLearner>(
            data.data(), o,
            optional_addressing_factory(v, "attention",
                                        "must be `none` or an addressing block, e.g. {type: soft_content, "
                                        "score: additive}"));
      });
}

}  // namespace mann
