#include "models/retrieval/retrieval_reader.h"

#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/train/generated_example.h"
#include "framework/train/reinforce_objective.h"
#include "framework/train/reward.h"

namespace mann {
RetrievalReader::RetrievalReader(RetrievalTask task, uint64_t seed, const RetrievalReaderOptions& options,
                                 const AddressingModuleFactory& addressing)
    : task_(std::move(task)), options_(options), params_(std::make_unique<ParameterCollection>(seed)) {
  const RetrievalTaskOptions& t = task_.options();
  const Index e = options_.embed;
  Rng init(seed);
  ParamScope model = params_->scope("model");
  key_embedding_ = &model.add("embed/key", t.key_vocab, e, Init::normal(0.f, 1.f), init);
  value_embedding_ = &model.add("embed/value", t.value_vocab, e, Init::normal(0.f, 1.f), init);
  output_ = std::make_unique<Linear>(params_->scope("model/output"), 2 * e, t.value_vocab, init);
  addressing_ = addressing(params_->scope("model/addressing"), AddressingShape{e, 2 * e, t.slots}, init);
}

Var RetrievalReader::logits(Tape& tape, const RetrievalBatch& batch, AddressingContext& ctx, Var* weights) {
  Var keys = tape.param(*key_embedding_);
  Var memory =
      concat_cols({gather_rows(keys, batch.keys), gather_rows(tape.param(*value_embedding_), batch.values)});
  Var w = addressing_->address(tape, memory, nullptr, gather_rows(keys, batch.query), Var{}, ctx, "");
  if (weights) *weights = w;
  return (*output_)(tape, memory_read(w, memory));
}

std::vector<std::string> RetrievalReader::train_metric_names() const {
  return with_reinforce_metric_names({"loss", "accuracy"}, addressing_->needs_reinforce());
}

Var RetrievalReader::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  const RetrievalBatch batch = task_.sample(options_.batch, rng);
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  Var out = logits(tape, batch, ctx);
  Var loss = softmax_cross_entropy(out, batch.answer);
  const Matrix right = classification_rewards(RewardKind::kCorrect, out.value(), batch.answer);
  metrics = {{"loss", loss.item()}, {"accuracy", right.mean()}};
  if (addressing_->needs_reinforce()) {
    const Matrix rewards = options_.reward == RewardKind::kCorrect
                               ? right
                               : classification_rewards(options_.reward, out.value(), batch.answer);
    loss = add_reinforce_term(tape, loss, policy, rewards, options_.entropy_weight, metrics);
  }
  return loss;
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

AttentionView RetrievalReader::attention_view(const std::string& split, int64_t index) {
  Rng rng = generated_example_rng(options_.eval_seed, split, index);
  const RetrievalBatch batch = task_.sample(1, rng);
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};
  Var weights;
  Index predicted = 0;
  logits(tape, batch, ctx, &weights).value().row(0).maxCoeff(&predicted);
  plot::HeatmapSpec panel;
  panel.values = weights.value().row(0).transpose();  // slots x 1
  for (int n = 0; n < batch.slots; ++n)
    panel.row_labels.push_back("key " + std::to_string(batch.keys[static_cast<size_t>(n)]) + " -> value " +
                               std::to_string(batch.values[static_cast<size_t>(n)]));
  panel.col_labels = {"query"};
  panel.marked_rows = {batch.query_slot.front()};
  const std::string title = "key " + std::to_string(batch.query.front()) + " -> value " +
                            std::to_string(batch.answer.front()) +
                            " (predicted: " + std::to_string(predicted) + ")";
  panel.title = "retrieval, " + split + " example " + std::to_string(index) + ": " + title;
  panel.y_title = "memory slot";
  return single_panel_view(title, "read", std::move(panel));
}

}  // namespace mann
