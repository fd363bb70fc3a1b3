#include "models/readers/register_readers.h"

#include "datasets/reading/cloze_corpus.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "models/model_context.h"
#include "models/readers/reader_learner.h"

namespace mann {

void register_readers(Registry& r) {
  const ReaderOptions d;
  r.add<Learner, ModelContext>(
      {"model",
       "reader",
       "Neural readers (Hermann et al. 2015) for cloze questions over anonymised entities (babi_cloze, "
       "story_cloze, rc_questions): deep_lstm reads document and query as one sequence; attentive attends "
       "once over the bidirectional document states with the query encoding; impatient re-reads the "
       "document after every query token. The answer is a softmax over entities.",
       {enum_option("reader", d.reader, "which reader"), enum_option("cell", d.cell, "recurrent cell"),
        option("embed", "int", d.embed, "word embedding width").in(between(1, 100000)),
        option("hidden", "int", d.hidden, "units of each RNN (bidirectional states: 2*hidden)")
            .in(between(1, 100000)),
        option("layers", "int", d.layers, "deep_lstm: stacked layers").in(between(1, 16)),
        enum_option("candidates", d.candidates,
                    "answer softmax over the document's entities, or over all (the paper's readers)"),
        option("attention", "component:addressing", std::string("{type: soft_content, score: additive}"),
               "attentive/impatient: the scores over document tokens; soft_content additive is the paper's "
               "tanh(W_ym y_t + W_um u); hard or gumbel swap in (ignored by deep_lstm)"),
        option("entropy_weight", "float", static_cast<double>(d.entropy_weight),
               "REINFORCE entropy bonus (hard attention)")}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        ClozeDataset& data = c.dataset_as<ClozeDataset>(v, "cloze", "babi_cloze, story_cloze, rc_questions");
        ReaderOptions o;
        o.reader = v.get<ReaderKind>("reader");
        o.cell = v.get<RnnKind>("cell");
        o.embed = v.get<int>("embed");
        o.hidden = v.get<int>("hidden");
        o.layers = v.get<int>("layers");
        o.candidates = v.get<AnswerCandidates>("candidates");
        o.entropy_weight = v.get<float>("entropy_weight");
        o.batch = c.batches.batch;
        o.eval_batch = c.batches.eval_batch;
        o.seed = c.seed;
        return std::make_unique<ReaderLearner>(std::move(data.corpus()), o,
                                               addressing_factory(v, "attention"));
      });
}

}  // namespace mann
