#include "models/seq2seq/register_seq2seq.h"

#include "datasets/seq2seq/seq2seq_dataset.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "models/model_context.h"
#include "models/seq2seq/seq2seq_learner.h"

namespace mann {
namespace {

constexpr const char* kAttentionChoices =
    "must be `none` or an addressing block, e.g. {type: soft_content, score: additive}";

}  // namespace

void register_seq2seq(Registry& r) {
  const Seq2SeqOptions d;
  r.add<Learner, ModelContext>(
      {"model",
       "seq2seq",
       "RNN encoder-decoder (Bahdanau et al. 2015) for the seq2seq tasks (reversal, toy_translation, "
       "treebank): the "
       "decoder state queries the encoder states through an addressing module, or sees only the final "
       "encoder state (attention: none). Teacher forcing in training; greedy or beam-search decoding "
       "(eval.beam_size) scored by exact match.",
       {enum_option("cell", d.cell, "recurrent cell of encoder and decoder"),
        option("embed", "int", d.embed, "token embedding width"),
        option("hidden", "int", d.hidden, "units of each RNN"),
        option("bidirectional", "bool", d.bidirectional,
               "encoder also reads right to left (states 2*hidden)"),
        option("attention", "component:addressing", std::string("{type: soft_content, score: additive}"),
               "none (fixed-vector baseline) or an addressing block: soft_content with score additive "
               "(Bahdanau), dot (Luong; with project_key: true the `general` bilinear score), hard, gumbel")
            .or_none(),
        option("entropy_weight", "float", d.entropy_weight, "REINFORCE entropy bonus (hard attention)")}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        Seq2SeqDataset& data =
            c.dataset_as<Seq2SeqDataset>(v, "seq2seq", "reversal, toy_translation, treebank");
        Seq2SeqOptions o;
        o.cell = v.get<RnnKind>("cell");
        o.embed = v.get<int>("embed");
        o.hidden = v.get<int>("hidden");
        for (const char* key : {"embed", "hidden"})
          if (v.get<int>(key) <= 0) v.fail(key, "must be positive");
        o.bidirectional = v.get<bool>("bidirectional");
        o.entropy_weight = v.get<float>("entropy_weight");
        o.batch = c.batches.batch;
        o.eval_batch = c.batches.eval_batch;
        o.eval_batches = c.batches.eval_batches;
        o.beam_size = c.batches.beam_size;
        o.seed = c.seed;
        o.eval_seed = c.eval_seed;
        return std::make_unique<Seq2SeqLearner>(
            data.release(), o, optional_addressing_factory(v, "attention", kAttentionChoices));
      });
}

}  // namespace mann
