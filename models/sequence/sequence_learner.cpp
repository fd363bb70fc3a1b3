#include "models/sequence/sequence_learner.h"

#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/train/reinforce.h"

namespace mann {
namespace {
const double kLn2 = std::log(2.0);
}

SequenceLearner::SequenceLearner(std::unique_ptr<SequenceTask> task, std::unique_ptr<ParameterCollection> params,
                                 std::unique_ptr<SequenceModel> model, SequenceLearnerOptions options)
    : task_(std::move(task)), params_(std::move(params)), model_(std::move(model)), options_(options) {}

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
    // The same stable BCE as bce_with_logits: max(x, 0) - x y + log(1 + e^-|x|).
    example_loss(rows[k] % batch.batch, 0) += (x.max(0.f) - x * y + (-x.abs()).exp().log1p()).sum();
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

Var SequenceLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
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
  metrics = {{"loss", nats}, {"bits", nats / kLn2}, {"bit_errors", s.bit_errors}};
  // Hard attention's choices get their gradient from REINFORCE with reward -loss of each sequence.
  if (!policy.empty()) return s.loss + reinforce_surrogate(tape, policy, -s.example_loss).loss;
  return s.loss;
}

Metrics SequenceLearner::evaluate(const std::string&, Rng& rng) {
  Tape tape;
  tape.set_grad_enabled(false);
  ForwardContext ctx{false, &rng, 0, nullptr, nullptr};
  double bits = 0, errors = 0, right = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    const Scored s = score(tape, task_->sample_eval(options_.eval_batch, rng), ctx);
    bits += s.loss.item() / kLn2;
    errors += s.bit_errors;
    right += s.all_right;
  }
  const double n = options_.eval_batches;
  return {{"bit_errors", errors / n}, {"bits", bits / n}, {"seq_accuracy", right / n}};
}

std::map<std::string, Matrix> SequenceLearner::attention_maps(Rng& rng) {
  const SequenceBatch batch = task_->sample_eval(1, rng);
  Tape tape;
  tape.set_grad_enabled(false);
  AttentionRecorder recorder;
  ForwardContext ctx{false, &rng, 0, &recorder, nullptr};
  const std::vector<Var> logits = model_->forward(tape, batch, ctx);
  const auto stack = [](const std::vector<Matrix>& steps) {
    Matrix m(static_cast<Index>(steps.size()), steps.front().cols());
    for (size_t t = 0; t < steps.size(); ++t) m.row(static_cast<Index>(t)) = steps[t].row(0);
    return m;
  };
  std::vector<Matrix> outputs;
  for (const Var& l : logits) outputs.push_back((1.f / (1.f + (-l.value().array()).exp())).matrix());
  std::map<std::string, Matrix> maps{
      {"input", stack(batch.inputs)}, {"target", stack(batch.targets)}, {"output", stack(outputs)}};
  for (const AttentionRecorder::Series& s : recorder.entries()) maps[s.name] = recorder.example(s.name, 0);
  return maps;
}

}  // namespace mann
