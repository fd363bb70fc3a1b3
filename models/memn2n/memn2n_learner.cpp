#include "models/memn2n/memn2n_learner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "models/qa/task_errors.h"

namespace mann {

struct MemN2NLearner::Scores {
  double loss_sum = 0;  // cross-entropy summed over questions
  TaskErrors errors;
  std::vector<int> support_hits;  // per hop: questions whose most attended slot is a supporting fact
  int with_support = 0;           // questions that have a supporting fact in memory
};

namespace {

// Index ranges [first, first + count) of `n` items in chunks of `chunk`.
template <class F>
void for_chunks(int n, int chunk, F&& f) {
  for (int first = 0; first < n; first += chunk) f(first, std::min(chunk, n - first));
}

std::vector<int> iota_from(int first, int count) {
  std::vector<int> v(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) v[i] = first + i;
  return v;
}

// The model for `data`: its vocabulary and memory size, parameters under "model", drawn from `seed`.
std::unique_ptr<MemN2N> make_model(const BabiDataset& data, ParameterCollection& params,
                                   MemN2NOptions options, uint64_t seed,
                                   const AddressingModuleFactory& addressing) {
  options.vocab = data.vocab.size();
  options.memory_size = data.memory_size;
  Rng init(seed);
  return std::make_unique<MemN2N>(params.scope("model"), options, init, addressing);
}

}  // namespace

MemN2NLearner::MemN2NLearner(BabiDataset data, std::unique_ptr<ParameterCollection> params,
                             const MemN2NOptions& model, const MemN2NLearnerOptions& options,
                             const AddressingModuleFactory& addressing)
    : data_(std::move(data)),
      params_(std::move(params)),
      options_(options),
      batches_(data_, options.batch, options.random_noise, options.seed),
      model_(make_model(data_, *params_, model, options.seed, addressing)),
      linear_start_(params_->scope("state"), options.linear_start),
      objective_({"loss", "error", "linear_start"}, model_->needs_reinforce(), options.entropy_weight),
      views_(*this, options.attention_examples, options.attend_empty_slots) {
  if (options.eval_batch <= 0) throw UserError("MemN2N batch sizes must be positive");
  if (options.linear_start.enabled && !model_->has_linear_form())
    throw LinearStartUnsupported(
        "linear start removes the softmax of dot-product attention, so it needs addressing "
        "{type: soft_content, score: dot}, not " +
        model_->addressing(0).type() + "; set linear_start: false");
}

void MemN2NLearner::fill_input(const BabiBatch& batch, MemN2NInput& in) const {
  make_memn2n_input(batch, model_->options().encoding, model_->options().dim, in,
                    options_.attend_empty_slots);
}

DataPlan MemN2NLearner::data_plan() const {
  return {.examples_per_step = batches_.batch(),
          .steps_per_epoch = batches_.steps_per_epoch(),
          .supports_shards = true};
}

std::vector<std::string> MemN2NLearner::eval_metric_names() const {
  std::vector<std::string> names = {"error", "loss"};
  for (int k = 1; k <= model_->options().hops; ++k) names.push_back("hop" + std::to_string(k) + "_support");
  names.push_back("mean_task_error");
  names.push_back("failed_tasks");
  for (int t : data_.tasks) names.push_back(TaskErrors::metric_name(t));
  return names;
}

const std::vector<BabiExample>& MemN2NLearner::split(const std::string& name) const {
  if (name == "train") return data_.train;
  if (name == "valid") return data_.valid;
  if (name == "test") return data_.test;
  throw UserError("bAbI has no split `" + name + "` (train, valid or test)");
}

Var MemN2NLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  const int64_t per_epoch = batches_.steps_per_epoch();
  if (linear_start_.active() && step > 0 && step % per_epoch == 0 &&
      linear_start_.start_of_epoch(step / per_epoch, !data_.valid.empty(), [&] {
        return score(data_.valid).loss_sum / static_cast<double>(data_.valid.size());
      }))
    message("linear start ends after epoch " + std::to_string(step / per_epoch) +
            ": softmax attention from here on");
  // Data-parallel: every rank has the same global batch and takes its shard of it; its loss is weighted by
  // the shard's share unless the loss is a sum over the batch, which the ranks' sums already add up to.
  const MemN2NTrainingBatches::Drawn drawn = batches_.draw(step, shard_);
  const BabiBatch& batch = drawn.batch;
  const float shard_weight = options_.sum_loss ? 1.f : shard_.share(drawn.global_batch);
  Rng own_sampling = shard_.whole() ? Rng() : distributed::rank_stream(rng, shard_, step);
  Rng& sampling = shard_.whole() ? rng : own_sampling;
  fill_input(batch, input_);
  const bool ls = linear_start_.active();
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &sampling, .step = step, .policy = &policy, .linear = ls};
  const MemN2N::Output out = model_->forward(tape, input_, ctx);
  const Var mean_loss = softmax_cross_entropy(out.logits, batch.answer);
  // The paper sums over the batch; LS's smaller learning rate is the same scale on the gradient for SGD.
  const float scale_by =
      (options_.sum_loss ? static_cast<float>(batch.batch) : 1.f) * linear_start_.loss_scale() * shard_weight;
  const Matrix right = classification_rewards(RewardKind::kCorrect, out.logits.value(), batch.answer);
  const Var loss = objective_.loss(
      tape, mean_loss,
      {{"loss", mean_loss.item()}, {"error", 1.0 - right.mean()}, {"linear_start", ls ? 1.0 : 0.0}}, policy,
      [&] { return classification_rewards(options_.reward, out.logits.value(), batch.answer); }, metrics);
  return scale(loss, scale_by);
}

MemN2N::Output MemN2NLearner::evaluation_forward(const BabiBatch& batch) const {
  eval_tape_.clear();
  eval_tape_.set_grad_enabled(false);
  fill_input(batch, eval_input_);
  AddressingContext ctx{.training = false, .linear = linear_start_.active()};  // hard hops take the argmax
  return model_->forward(eval_tape_, eval_input_, ctx);
}

MemN2NLearner::Scores MemN2NLearner::score(const std::vector<BabiExample>& examples) const {
  Scores s;
  s.support_hits.assign(static_cast<size_t>(model_->options().hops), 0);
  for_chunks(static_cast<int>(examples.size()), options_.eval_batch, [&](int first, int count) {
    const BabiBatch batch = make_babi_batch(examples, iota_from(first, count), batches_.shape());
    const MemN2N::Output out = evaluation_forward(batch);
    s.loss_sum += static_cast<double>(softmax_cross_entropy(out.logits, batch.answer).item()) * count;
    const std::vector<int> predicted = argmax_rows(out.logits.value());
    for (int b = 0; b < count; ++b) s.errors.add(batch.task[b], predicted[b] == batch.answer[b]);
    const int F = batch.shape.supporting_len;
    std::vector<std::vector<int>> attended;
    for (const Var& p : out.attention) attended.push_back(argmax_rows(p.value()));
    for (int b = 0; b < count; ++b) {
      const auto support = batch.supporting.begin() + static_cast<ptrdiff_t>(b) * F;
      if (*support < 0) continue;
      ++s.with_support;
      for (size_t k = 0; k < attended.size(); ++k)
        s.support_hits[k] += std::find(support, support + F, attended[k][b]) != support + F;
    }
  });
  return s;
}

Metrics MemN2NLearner::evaluate(const std::string& split_name, Rng&) {
  const std::vector<BabiExample>& examples = split(split_name);
  const Scores s = score(examples);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Metrics m = {{"error", s.errors.error()},
               {"loss", examples.empty() ? nan : s.loss_sum / static_cast<double>(examples.size())}};
  for (size_t k = 0; k < s.support_hits.size(); ++k)
    m.emplace_back("hop" + std::to_string(k + 1) + "_support",
                   s.with_support ? static_cast<double>(s.support_hits[k]) / s.with_support : nan);
  m.emplace_back("mean_task_error", s.errors.mean_task_error());
  m.emplace_back("failed_tasks", s.errors.failed_tasks());
  for (int t : data_.tasks) m.emplace_back(TaskErrors::metric_name(t), s.errors.error(t));
  return m;
}

MemN2NLearner::Attended MemN2NLearner::attend(const std::vector<BabiExample>& examples,
                                              const std::vector<int>& picks) const {
  Attended a{make_babi_batch(examples, picks, batches_.shape()), {}, {}};
  const MemN2N::Output out = evaluation_forward(a.batch);
  a.predicted = argmax_rows(out.logits.value());
  for (const Var& hop : out.attention) a.hops.push_back(hop.value());
  return a;
}

std::map<std::string, std::string> MemN2NLearner::checkpoint_extras() const {
  std::string words;
  for (const std::string& w : data_.vocab.words()) words += w + "\n";
  return {{"vocabulary", words}};
}

}  // namespace mann
