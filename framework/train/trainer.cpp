#include "framework/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "framework/distributed/world.h"
#include "framework/train/clipping.h"
#include "framework/train/data_parallel.h"
#include "framework/train/finite.h"
#include "framework/train/metric_names_check.h"

namespace mann {
namespace {
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// "step 13: the loss is nan; the first parameter with a NaN or Inf gradient is `model/w`": the step, and
// where to look (a parameter already non-finite, else the first non-finite gradient, else neither).
std::string non_finite_loss_message(int64_t step, float loss, const std::vector<Parameter*>& params) {
  const std::string value = std::isnan(loss) ? "NaN" : loss > 0 ? "Inf" : "-Inf";
  const std::string text = "step " + std::to_string(step) + ": the loss is " + value;
  std::string bad;
  if (!all_values_finite(params, &bad)) return text + "; parameter `" + bad + "` is NaN or Inf";
  if (!all_finite(params, &bad))
    return text + "; the first parameter with a NaN or Inf gradient is `" + bad + "`";
  return text + "; every parameter and gradient is finite (the loss itself overflowed)";
}

}  // namespace

void Trainer::check_no_owed_terms(const Tape& tape, int64_t step) const {
  if (tape.owed_loss_terms().empty()) return;
  throw std::logic_error(options_.model_name + ": step " + std::to_string(step) + ": hard module `" +
                         tape.owed_loss_terms().front() +
                         "` made choices in the forward pass but the loss has no REINFORCE term for them, so "
                         "they would get no gradient; the learner's loss must come from an Objective "
                         "(framework/train/objective.h) given the forward's policy log");
}

Trainer::Trainer(Learner& learner, Optimizer& optimizer, const Schedule& schedule, TrainerOptions options,
                 ProgressReporter& progress, Hooks hooks)
    : learner_(learner),
      optimizer_(optimizer),
      schedule_(schedule),
      options_(std::move(options)),
      progress_(progress),
      hooks_(std::move(hooks)) {}

std::vector<std::string> Trainer::columns() const {
  std::vector<std::string> cols = {"step", "epoch", "examples", "lr"};
  for (const auto& name : learner_.train_metric_names()) cols.push_back(name);
  cols.push_back("grad_norm");
  cols.push_back("steps_per_s");
  for (const auto& name : learner_.eval_metric_names()) cols.push_back(options_.eval_split + "_" + name);
  return cols;
}

void Trainer::evaluate(TrainingProgress& progress, std::vector<double>& row, bool& improved) {
  // The parameters are the same on every rank: rank 0 evaluates and tells the others, so every rank keeps
  // the same progress (best metric and step).
  distributed::Communicator& comm = distributed::world();
  Metrics metrics;
  if (comm.is_root()) {
    Rng eval_rng(split_seed(options_.eval_seed, options_.eval_split));
    metrics = learner_.evaluate(options_.eval_split, eval_rng);
    check_metric_names(metrics, learner_.eval_metric_names(), options_.model_name, "evaluate");
  } else {
    for (const std::string& name : learner_.eval_metric_names()) metrics.emplace_back(name, kMissing);
  }
  if (comm.size() > 1) {
    std::vector<double> values;
    for (const auto& metric : metrics) values.push_back(metric.second);
    comm.broadcast(std::span<double>(values));
    for (size_t i = 0; i < metrics.size(); ++i) metrics[i].second = values[i];
  }
  const size_t first_eval_column = row.size() - metrics.size();
  std::ostringstream text;
  text << "eval " << options_.eval_split << " at step " << progress.step << ":";
  for (size_t i = 0; i < metrics.size(); ++i) row[first_eval_column + i] = metrics[i].second;
  const size_t chosen = best_metric_index();
  const double value = metrics[chosen].second;
  // Compared as "lower is better" either way.
  const double score = options_.best_higher ? -value : value;
  const double best_score = options_.best_higher ? -progress.best_metric : progress.best_metric;
  // A non-finite evaluation is never the best: a NaN or infinite best would stop best.h5 from ever updating.
  improved =
      std::isfinite(value) && (std::isnan(progress.best_metric) || score < best_score - options_.min_delta);
  if (improved) {
    progress.best_metric = value;
    progress.best_step = progress.step;
    progress.best_metric_name = options_.eval_split + "_" + metrics[chosen].first;
  }
  const std::string listed = format_eval_metrics(metrics);
  const size_t main_line_end = std::min(listed.find('\n'), listed.size());
  // "(best)" ends the main line, before the per-task lines.
  text << listed.substr(0, main_line_end) << (improved ? " (best)" : "") << listed.substr(main_line_end);
  progress_.message(text.str());
}

void Trainer::reopen_partial_report(TrainingProgress& progress) const {
  MetricsTable& history = progress.history;
  if (history.rows.empty() || history.columns != columns()) return;
  const std::vector<double>& last = history.rows.back();
  const int64_t step = static_cast<int64_t>(last.front());
  const auto on_interval = [step](int64_t every) { return every > 0 && step % every == 0; };
  if (step != progress.step || on_interval(options_.log_every) || on_interval(options_.eval_every)) return;
  const int64_t previous =
      history.rows.size() > 1 ? static_cast<int64_t>(history.rows[history.rows.size() - 2].front()) : 0;
  const std::vector<std::string>& cols = history.columns;  // equal to columns(), checked above
  const size_t grad_norm_column =
      static_cast<size_t>(std::find(cols.begin(), cols.end(), "grad_norm") - cols.begin());
  const size_t n_train = learner_.train_metric_names().size();
  const size_t first_train_column = grad_norm_column - n_train;  // the training metrics come just before
  PendingReport pending;
  pending.steps = step - previous;
  const double steps = static_cast<double>(pending.steps);
  for (size_t i = 0; i < n_train; ++i) pending.sums.push_back(last[first_train_column + i] * steps);
  pending.grad_norm_sum = last[grad_norm_column] * steps;
  // A report of no steps (NaN averages) has nothing to carry over.
  if (pending.steps <= 0 || !std::isfinite(pending.grad_norm_sum)) return;
  progress.pending = std::move(pending);
  history.rows.pop_back();
}

size_t Trainer::best_metric_index() const {
  const std::vector<std::string> names = learner_.eval_metric_names();
  std::string wanted = options_.best_metric;
  const std::string prefix = options_.eval_split + "_";
  if (wanted.starts_with(prefix) && std::find(names.begin(), names.end(), wanted) == names.end())
    wanted = wanted.substr(prefix.size());  // "valid_error" as metrics.csv names it
  const auto it = std::find(names.begin(), names.end(), wanted);
  return wanted.empty() || it == names.end() ? 0 : static_cast<size_t>(it - names.begin());
}

int64_t Trainer::evaluations_since_best(const TrainingProgress& progress) const {
  const std::vector<std::string>& columns = progress.history.columns;
  const std::string column = options_.eval_split + "_" + learner_.eval_metric_names()[best_metric_index()];
  const auto at = std::find(columns.begin(), columns.end(), column);
  if (at == columns.end()) return 0;
  const size_t index = static_cast<size_t>(at - columns.begin());
  int64_t count = 0;
  for (const std::vector<double>& row : progress.history.rows)
    if (row[0] > static_cast<double>(progress.best_step) && index < row.size() && !std::isnan(row[index]))
      ++count;
  return count;
}

void Trainer::shard_batches(distributed::Communicator& comm) {
  const DataPlan plan = learner_.data_plan();
  if (!plan.supports_shards)
    throw UserError("this model cannot split its batches over " + std::to_string(comm.size()) +
                    " ranks (data-parallel training supports the sequence tasks' models and MemN2N); run it "
                    "as one process");
  if (plan.examples_per_step < comm.size())
    throw UserError("train.batch " + std::to_string(plan.examples_per_step) + " is smaller than the " +
                    std::to_string(comm.size()) + " ranks: every rank needs at least one example per step");
  learner_.set_shard({comm.rank(), comm.size()});
  // Identical parameters on every rank, whatever each rank built or restored.
  broadcast_parameters(comm, learner_.parameters().parameters());
}

bool Trainer::stop_requested(distributed::Communicator& comm) const {
  if (!hooks_.stop_requested) return false;
  if (comm.size() == 1) return hooks_.stop_requested();
  double stop = comm.is_root() && hooks_.stop_requested() ? 1 : 0;  // every rank stops at the same step
  comm.broadcast(std::span<double>(&stop, 1));
  return stop != 0;
}

bool Trainer::run(TrainingProgress& progress, Rng& rng) {
  // The learner's messages go through the reporter while it draws the live line, and back to stderr after.
  learner_.set_message_sink([this](const std::string& text) { progress_.message(text); });
  struct RestoreSink {
    Learner& learner;
    ~RestoreSink() { learner.set_message_sink({}); }
  } restore_sink{learner_};
  const std::vector<Parameter*> params = learner_.parameters().trainable_parameters();
  const std::vector<std::string> train_names = learner_.train_metric_names();
  if (progress.history.columns.empty()) progress.history.columns = columns();
  const size_t n_eval = learner_.eval_metric_names().size();
  distributed::Communicator& comm = distributed::world();
  const bool data_parallel = comm.size() > 1;
  if (data_parallel) shard_batches(comm);
  const int64_t examples_per_step = learner_.data_plan().examples_per_step;
  const double share = learner_.shard().share(examples_per_step);
  std::vector<float> gradient_buffer;

  Tape tape;
  Metrics step_metrics;
  std::vector<double> sums(train_names.size(), 0.0);
  double grad_norm_sum = 0;
  int64_t since_report = 0;
  if (progress.pending.steps > 0 && progress.pending.sums.size() == sums.size()) {
    sums = progress.pending.sums;
    grad_norm_sum = progress.pending.grad_norm_sum;
    since_report = progress.pending.steps;
  }
  progress.pending = {};
  progress_.start(progress.step, options_.steps, options_.steps_per_epoch);

  while (progress.step < options_.steps) {
    const int64_t counter = schedule_counter(progress.step, options_.steps_per_epoch);
    optimizer_.set_learning_rate(schedule_.lr(std::max<int64_t>(0, counter - learner_.schedule_origin())));

    tape.clear();
    learner_.parameters().zero_grad();
    step_metrics.clear();
    Var loss = learner_.training_step(tape, progress.step, rng, step_metrics);
    check_metric_names(step_metrics, train_names, options_.model_name, "training_step");
    check_no_owed_terms(tape, progress.step + 1);
    float loss_value = loss.item();
    if (data_parallel) {
      // Every rank sees the same summed loss and gradients, so every rank stops (or steps) alike.
      tape.backward(loss);
      loss_value = static_cast<float>(allreduce_step(comm, loss_value, step_metrics, share));
      allreduce_gradients(comm, params, gradient_buffer);
    }
    // Backward even for a non-finite loss: the gradients say which parameter it came through.
    if (!data_parallel) tape.backward(loss);
    if (!std::isfinite(loss_value))
      throw TrainingDiverged(non_finite_loss_message(progress.step + 1, loss_value, params));
    std::string bad;
    if (!all_finite(params, &bad))
      throw TrainingDiverged("step " + std::to_string(progress.step + 1) + ": the gradient of parameter `" +
                             bad + "` is NaN or Inf");
    learner_.clip_own_gradients();
    if (options_.clip_value > 0) clip_grad_value(params, static_cast<float>(options_.clip_value));
    const double norm =
        options_.clip_norm > 0 ? clip_grad_norm(params, options_.clip_norm) : grad_norm(params);
    optimizer_.step(params);
    if (!all_values_finite(params, &bad))
      throw TrainingDiverged("step " + std::to_string(progress.step + 1) + ": parameter `" + bad +
                             "` became NaN or Inf in the update");
    learner_.after_step();
    ++progress.step;
    progress.examples_seen += examples_per_step;

    for (size_t i = 0; i < sums.size(); ++i) sums[i] += step_metrics[i].second;
    grad_norm_sum += norm;
    ++since_report;

    const bool last = progress.step == options_.steps;
    const bool log_now = last || (options_.log_every > 0 && progress.step % options_.log_every == 0);
    const bool eval_now = last || (options_.eval_every > 0 && progress.step % options_.eval_every == 0);
    const bool save_now =
        last || (options_.checkpoint_every > 0 && progress.step % options_.checkpoint_every == 0);
    const bool stop = !last && stop_requested(comm);
    if (!log_now && !eval_now && !save_now && !stop) continue;

    bool improved = false;
    if (log_now || eval_now) {
      Metrics shown;
      for (size_t i = 0; i < train_names.size(); ++i)
        shown.emplace_back(train_names[i],
                           since_report > 0 ? sums[i] / static_cast<double>(since_report) : kMissing);
      progress_.report(progress.step, shown, last);
      std::vector<double> row = {static_cast<double>(progress.step),
                                 static_cast<double>(progress.epoch(options_.steps_per_epoch)),
                                 static_cast<double>(progress.examples_seen), optimizer_.learning_rate()};
      for (const auto& metric : shown) row.push_back(metric.second);
      row.push_back(since_report > 0 ? grad_norm_sum / static_cast<double>(since_report) : kMissing);
      row.push_back(progress_.steps_per_second());
      row.resize(row.size() + n_eval, kMissing);
      if (eval_now) evaluate(progress, row, improved);
      progress.history.rows.push_back(row);
      if (hooks_.on_row) hooks_.on_row(progress.history);
      std::fill(sums.begin(), sums.end(), 0.0);
      grad_norm_sum = 0;
      since_report = 0;
    }
    const bool patience_lost = eval_now && !last && options_.early_stop_patience > 0 &&
                               evaluations_since_best(progress) >= options_.early_stop_patience;
    if (hooks_.on_checkpoint && (save_now || improved || stop || patience_lost)) {
      const bool final = last || stop || patience_lost;
      if (save_now || stop || patience_lost) hooks_.on_checkpoint(progress, false, final);
      if (improved) hooks_.on_checkpoint(progress, true, final);
    }
    if (stop) break;
    if (patience_lost) {
      progress_.message("early stop at step " + std::to_string(progress.step) + ": " +
                        std::to_string(options_.early_stop_patience) + " evaluations without improving on " +
                        progress.best_metric_name + " " + std::to_string(progress.best_metric) + " (step " +
                        std::to_string(progress.best_step) + ")");
      progress_.finish();
      return true;
    }
  }
  progress_.finish();
  return progress.step >= options_.steps;
}

}  // namespace mann
