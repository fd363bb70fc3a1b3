#include "models/sequence/sequence_learner.h"

#include <algorithm>
#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/autodiff/stable_bce.h"
#include "framework/train/generated_example.h"
#include "framework/train/reinforce_objective.h"

namespace mann {
namespace {

const double kLn2 = std::log(2.0);

// "read head 0" for the series "read0" (a head's weighting over memory slots), "" for any other series.
std::string head_title(const std::string& series) {
  for (const std::string kind : {"read", "write"}) {
    const std::string number = series.substr(std::min(kind.size(), series.size()));
    if (series.starts_with(kind) && !number.empty() &&
        std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return kind + " head " + number;
  }
  return "";
}

}  // namespace

SequenceLearner::SequenceLearner(std::unique_ptr<SequenceTask> task,
                                 std::unique_ptr<ParameterCollection> params,
                                 std::unique_ptr<SequenceModel> model, SequenceLearnerOptions options)
    : task_(std::move(task)),
      params_(std::move(params)),
      model_(std::move(model)),
      options_(options),
      task_train_lengths_(task_->train_lengths()) {}

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

std::vector<std::string> SequenceLearner::train_metric_names() const {
  std::vector<std::string> names{"loss", "bits", "bit_errors"};
  if (options_.curriculum_start > 0) names.push_back("max_length");
  return with_reinforce_metric_names(std::move(names), model_->needs_reinforce());
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
  metrics = {{"loss", nats}, {"bits", nats / kLn2}, {"bit_errors", s.bit_errors}};
  if (options_.curriculum_start > 0) metrics.emplace_back("max_length", task_->train_lengths().max);
  if (!model_->needs_reinforce()) return s.loss;
  // Hard attention's choices get their gradient from REINFORCE with reward -loss of each sequence.
  return add_reinforce_term(tape, s.loss, policy, -s.example_loss, options_.entropy_weight, metrics);
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

SequenceLearner::RecordedExample SequenceLearner::record_example(SequenceBatch batch, Rng& rng) {
  RecordedExample r{std::move(batch), {}, {}};
  Tape tape;
  tape.set_grad_enabled(false);
  ForwardContext ctx{false, &rng, 0, &r.recorder, nullptr};
  for (const Var& l : model_->forward(tape, r.batch, ctx))
    r.outputs.push_back((1.f / (1.f + (-l.value().array()).exp())).matrix());
  return r;
}

std::map<std::string, Matrix> SequenceLearner::attention_maps(Rng& rng) {
  const RecordedExample r = record_example(task_->sample_eval(1, rng), rng);
  const auto stack = [](const std::vector<Matrix>& steps) {
    Matrix m(static_cast<Index>(steps.size()), steps.front().cols());
    for (size_t t = 0; t < steps.size(); ++t) m.row(static_cast<Index>(t)) = steps[t].row(0);
    return m;
  };
  std::map<std::string, Matrix> maps{
      {"input", stack(r.batch.inputs)}, {"target", stack(r.batch.targets)}, {"output", stack(r.outputs)}};
  for (const AttentionRecorder::Series& s : r.recorder.entries())
    maps[s.name] = r.recorder.example(s.name, 0);
  return maps;
}

AttentionView SequenceLearner::attention_view(const std::string& split, int64_t index) {
  Rng rng = generated_example_rng(options_.eval_seed, split, index);
  SequenceBatch batch = split == "train" ? task_->sample_train(1, rng) : task_->sample_eval(1, rng);
  const RecordedExample r = record_example(std::move(batch), rng);
  AttentionView view;
  view.title = task_->name() + ", length " + std::to_string(r.batch.lengths.front()) + " (" + split +
               " example " + std::to_string(index) + ")";
  // The input ends where the first target is scored: a line there tells writing from reading back.
  int output_start = -1;
  for (int t = 0; t < r.batch.time_steps() && output_start < 0; ++t)
    if (r.batch.masks[static_cast<size_t>(t)].row(0).sum() > 0) output_start = t;
  for (const AttentionRecorder::Series& s : r.recorder.entries()) {
    const std::string head = head_title(s.name);
    if (head.empty()) continue;  // read vectors, add vectors: not weightings over slots
    plot::HeatmapSpec panel;
    panel.values = r.recorder.example(s.name, 0).transpose();  // slots x time, as in the NTM paper
    panel.title = view.title + ": " + head + " weighting";
    panel.x_title = "time step";
    panel.y_title = "memory slot";
    panel.vmin = 0.f;
    panel.vmax = 1.f;
    panel.divider_col = output_start;
    panel.divider_label = "output";
    view.panel_names.push_back(s.name);
    view.panels.push_back(std::move(panel));
  }
  if (view.panels.empty()) return {};
  return view;
}

}  // namespace mann
