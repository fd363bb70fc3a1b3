#include "models/retrieval/register_retrieval.h"

#include "datasets/retrieval_dataset.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "models/model_context.h"
#include "models/retrieval/retrieval_reader.h"

namespace mann {

void register_retrieval_models(Registry& r) {
  const RetrievalReaderOptions d;
  r.add<Learner, ModelContext>(
      {"model",
       "retrieval_reader",
       "One attention read over a memory of embedded (key, value) slots, queried by the embedded key; a "
       "linear softmax read-out names the value. Stochastic addressing also learns by REINFORCE (reward: "
       "1 for a right answer).",
       {option("addressing", "component:addressing", std::string("{type: soft_content, score: dot}"),
               "how the query picks a slot"),
        option("embed", "int", d.embed, "width of the key and value embeddings"),
        option("entropy_weight", "float", d.entropy_weight,
               "REINFORCE entropy bonus (stochastic addressing)"),
        enum_option("reward", d.reward,
                    "REINFORCE reward: correct (1/0), likelihood or log_likelihood of the answer")}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        auto& data = c.dataset_as<RetrievalDataset>(v, "retrieval", "retrieval");
        RetrievalReaderOptions o;
        o.embed = v.get<int>("embed");
        if (o.embed <= 0) v.fail("embed", "must be positive");
        o.entropy_weight = v.get<float>("entropy_weight");
        o.reward = v.get<RewardKind>("reward");
        o.batch = c.batches.batch;
        o.eval_batch = c.batches.eval_batch;
        o.eval_batches = c.batches.eval_batches;
        o.eval_seed = c.eval_seed;
        return std::make_unique<RetrievalReader>(data.task(), c.seed, o, addressing_factory(v, "addressing"));
      });
}

}  // namespace mann
