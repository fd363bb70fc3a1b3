#include "models/sequence/sequence_learner.h"

#include <algorithm>
#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/autodiff/stable_bce.h"

namespace mann {
namespace {

const double kLn2 = std::log(2.0);

}  // namespace

SequenceLearner::SequenceLearner(std::unique_ptr<SequenceTask> task,
                                 std::unique_ptr<ParameterCollection> params,
                                 std::unique_ptr<SequenceModel> model, SequenceLearnerOptions options)
    : task_(std::move(task)),
      params_(std::move(params)),
      model_(std::move(model)),
      options_(options),
      task_train_lengths_(task_->train_lengths()),
      objective_(task_metric_names(options), model_->needs_reinforce(), options.entropy_weight),
      views_(*task_, *model_, options.eval_seed) {}

std::vector<std::string> SequenceLearner::task_metric_names(const SequenceLearnerOptions& options) {
  std::vector<std::string> names{"loss", "bits", "bit_errors"};
  if (options.curriculum_start > 0) names.push_back("max_length");
  return names;
}

SequenceLearner::Scored SequenceLearner::score(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) {
  const std::vector<Var> logits = model_->forward(tape, batch, ctx);
  // Keep only the rows (time step, example) of the output phase, then one loss over all of them.
  std::vector<int> rows;
  Matrix targets;
  for (int t = 0; t < batch.time_steps(); ++t)
    for (int b = 0; b < batch.batch; ++b)
      if (batch.masks[static_cast<size_t>(t)](b, 0) > 0.f) rows.push_back(t * batch.batch + b);
  targets.resize(static_cast<Index>(rows.size()), task_->output_width());
  for (size_t k = 0; k < rows.size(); ++k)
    targets.row(static_cast<Index>(k)) =
        batch.targets[static_cast<size_t>(rows[k] / batch.batch)].row(rows[k] % batch.batch);
  Var selected = gather_rows(concat_rows(logits), rows);
  Var loss = scale(bce_with_logits(selected, targets, Reduction::Sum), 1.f / static_cast<float>(batch.batch));

  std::vector<int> wrong(static_cast<size_t>(batch.batch), 0);
  const Matrix& out = selected.value();
  Matrix example_loss = Matrix::Zero(batch.batch, 1);
  int64_t errors = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    const auto x = out.row(static_cast<Index>(k)).array();
    const auto y = targets.row(static_cast<Index>(k)).array();
    example_loss(rows[k] % batch.batch, 0) += stable_bce_terms(x, y).sum();  // as bce_with_logits
    for (Index j = 0; j < out.cols(); ++j)
      if ((out(static_cast<Index>(k), j) > 0.f) != (targets(static_cast<Index>(k), j) > 0.5f)) {
        ++errors;
        ++wrong[static_cast<size_t>(rows[k] % batch.batch)];
      }
  }
  int all_right = 0;
  for (int w : wrong) all_right += w == 0;
  return {loss, static_cast<double>(errors) / batch.batch, static_cast<double>(all_right) / batch.batch,
          std::move(example_loss)};
}

int curriculum_max_length(const SequenceLearnerOptions& options, int64_t step, int task_max) {
  if (options.curriculum_start <= 0) return task_max;
  const int64_t grown = options.curriculum_start + step / std::max<int64_t>(options.curriculum_every, 1);
  return static_cast<int>(std::min<int64_t>(grown, task_max));
}

Var SequenceLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  if (options_.curriculum_start > 0) {
    const int max_length = curriculum_max_length(options_, step, task_train_lengths_.max);
    task_->set_train_lengths({std::min(task_train_lengths_.min, max_length), max_length});
  }
  SequenceBatch batch = task_->sample_train(options_.batch, rng);
  if (shard_.whole()) return training_step_on(tape, batch, step, rng, metrics);
  // Every rank drew the same global batch; this rank computes its shard, sampling from its own stream.
  const int first = static_cast<int>(shard_.begin(options_.batch));
  const int count = static_cast<int>(shard_.count(options_.batch));
  Rng sampling = distributed::rank_stream(rng, shard_, step);
  return scale(training_step_on(tape, slice_examples(batch, first, count), step, sampling, metrics),
               shard_.share(options_.batch));
}

Var SequenceLearner::training_step_on(Tape& tape, const SequenceBatch& batch, int64_t step, Rng& rng,
                                      Metrics& metrics) {
  PolicyLog policy;
  ForwardContext ctx{true, &rng, step, nullptr, &policy};
  const Scored s = score(tape, batch, ctx);
  const double nats = s.loss.item();
  Metrics task{{"loss", nats}, {"bits", nats / kLn2}, {"bit_errors", s.bit_errors}};
  if (options_.curriculum_start > 0) task.emplace_back("max_length", task_->train_lengths().max);
  // Hard attention's choices get their gradient from REINFORCE with reward -loss of each sequence.
  return objective_.loss(tape, s.loss, std::move(task), policy, [&] { return Matrix(-s.example_loss); },
                         metrics);
}

Metrics SequenceLearner::evaluate(const std::string& split, Rng& rng) {
  Tape tape;
  tape.set_grad_enabled(false);
  ForwardContext ctx{false, &rng, 0, nullptr, nullptr};
  double bits = 0, errors = 0, right = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    // The train split draws training lengths; valid and test the evaluation lengths.
    const Scored s = score(tape,
                           split == "train" ? task_->sample_train(options_.eval_batch, rng)
                                            : task_->sample_eval(options_.eval_batch, rng),
                           ctx);
    bits += s.loss.item() / kLn2;
    errors += s.bit_errors;
    right += s.all_right;
  }
  const double n = options_.eval_batches;
  return {{"bit_errors", errors / n}, {"bits", bits / n}, {"seq_accuracy", right / n}};
}

}  // namespace mann
