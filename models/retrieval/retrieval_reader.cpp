#include "models/retrieval/retrieval_reader.h"

#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/train/reward.h"

namespace mann {
RetrievalReader::RetrievalReader(RetrievalTask task, uint64_t seed, const RetrievalReaderOptions& options,
                                 const AddressingModuleFactory& addressing)
    : task_(std::move(task)),
      options_(options),
      params_(std::make_unique<ParameterCollection>(seed)),
      views_(*this, options.eval_seed) {
  const RetrievalTaskOptions& t = task_.options();
  const Index e = options_.embed;
  Rng init(seed);
  ParamScope model = params_->scope("model");
  key_embedding_ = &model.add("embed/key", t.key_vocab, e, Init::normal(0.f, 1.f), init);
  value_embedding_ = &model.add("embed/value", t.value_vocab, e, Init::normal(0.f, 1.f), init);
  output_ = std::make_unique<Linear>(params_->scope("model/output"), 2 * e, t.value_vocab, init);
  addressing_ = addressing(params_->scope("model/addressing"), AddressingShape{e, 2 * e, t.slots}, init);
  objective_.emplace(std::vector<std::string>{"loss", "accuracy"}, addressing_->needs_reinforce(),
                     options.entropy_weight);
}

Var RetrievalReader::logits(Tape& tape, const RetrievalBatch& batch, AddressingContext& ctx, Var* weights) {
  Var keys = tape.param(*key_embedding_);
  Var memory =
      concat_cols({gather_rows(keys, batch.keys), gather_rows(tape.param(*value_embedding_), batch.values)});
  Var w = addressing_->address(tape, memory, nullptr, gather_rows(keys, batch.query), Var{}, ctx, "");
  if (weights) *weights = w;
  return (*output_)(tape, memory_read(w, memory));
}

Var RetrievalReader::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  const RetrievalBatch batch = task_.sample(options_.batch, rng);
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  Var out = logits(tape, batch, ctx);
  Var loss = softmax_cross_entropy(out, batch.answer);
  const Matrix right = classification_rewards(RewardKind::kCorrect, out.value(), batch.answer);
  return objective_->loss(tape, loss, {{"loss", loss.item()}, {"accuracy", right.mean()}}, policy,
                          [&] { return classification_rewards(options_.reward, out.value(), batch.answer); },
                          metrics);
}

Metrics RetrievalReader::evaluate(const std::string&, Rng& rng) {
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};  // hard: argmax; gumbel: no noise
  double right = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    const RetrievalBatch batch = task_.sample(options_.eval_batch, rng);
    right +=
        classification_rewards(RewardKind::kCorrect, logits(tape, batch, ctx).value(), batch.answer).mean();
  }
  const double accuracy = right / options_.eval_batches;
  return {{"error", 1.0 - accuracy}, {"accuracy", accuracy}};
}

}  // namespace mann
