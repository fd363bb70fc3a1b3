#include "models/memn2n/memn2n_learner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "framework/addressing/soft_content.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "framework/train/reinforce_objective.h"
#include "models/memn2n/random_noise.h"
#include "models/qa/task_errors.h"

namespace mann {

struct MemN2NLearner::Scores {
  double loss_sum = 0;  // cross-entropy summed over questions
  TaskErrors errors;
  std::vector<int> support_hits;  // per hop: questions whose most attended slot is a supporting fact
  int with_support = 0;           // questions that have a supporting fact in memory
};

namespace {

constexpr float kNoBest = std::numeric_limits<float>::max();  // finite: checkpoints stay all-finite

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

// One example's attention over its n story memories; with attended padding one more entry, the weight put
// on the empty slots ("nothing"), so that what is shown still sums to 1.
Matrix story_attention(const Matrix& hop, Index example, Index n, bool attend_empty_slots) {
  const Index slots = hop.cols();
  const bool nothing = attend_empty_slots && slots > n;
  Matrix row(1, n + (nothing ? 1 : 0));
  row.leftCols(n) = hop.row(example).head(n);
  if (nothing) row(0, n) = hop.row(example).tail(slots - n).sum();
  return row;
}

constexpr const char* kNothing = "(nothing: the empty slots)";

std::string words_text(const Vocabulary& vocab, const std::vector<int>& ids) {
  std::string s;
  for (int id : ids) s += (s.empty() ? "" : " ") + vocab.word(id);
  return s;
}

}  // namespace

MemN2NLearner::MemN2NLearner(BabiDataset data, std::unique_ptr<ParameterCollection> params,
                             const MemN2NOptions& model, const MemN2NLearnerOptions& options,
                             const AddressingModuleFactory& addressing)
    : data_(std::move(data)),
      params_(std::move(params)),
      options_(options),
      shape_(babi_batch_shape(data_)),
      sampler_(EpochPlan{static_cast<int>(data_.train.size()), options.batch}, options.seed) {
  if (options.batch <= 0 || options.eval_batch <= 0) throw UserError("MemN2N batch sizes must be positive");
  if (options.random_noise < 0.f || options.random_noise > 1.f)
    throw UserError("MemN2N random_noise must be in [0, 1]");
  // Memories padded only up to the longest story (plus room for RN), never beyond the memory size.
  shape_.memory_size =
      slots_with_noise(std::max(1, data_.max_story_len), options.random_noise, data_.memory_size);
  MemN2NOptions m = model;
  m.vocab = data_.vocab.size();
  m.memory_size = data_.memory_size;
  Rng init(options.seed);
  model_ = std::make_unique<MemN2N>(params_->scope("model"), m, init, addressing);
  // LS drops the softmax of dot-product scores; other modules (cosine, hard, ...) have no linear version.
  if (options.linear_start) {
    const auto* soft = dynamic_cast<const SoftContentAddressing*>(&model_->addressing(0));
    if (!soft || soft->options().score != ContentScore::Dot)
      throw UserError(
          "linear start removes the softmax of dot-product attention, so it needs addressing "
          "{type: soft_content, score: dot}, not " +
          model_->addressing(0).type());
  }
  Matrix ls(1, 2);
  ls << (options.linear_start ? 1.f : 0.f), kNoBest;
  // Linear start's state was saved piece by piece over releases: an older checkpoint may lack a piece, and
  // loading it keeps the configured start (as loading did before buffers were declared).
  const std::string older = "checkpoints written before linear start's state was saved lack it";
  ls_state_ = &params_->add_buffer("state/linear_start", ls, older);
  ls_wait_ = &params_->add_buffer("state/linear_start_wait", Matrix::Zero(1, 1), older);
  ls_end_ = &params_->add_buffer("state/linear_start_end", Matrix::Zero(1, 1), older);
}

void MemN2NLearner::fill_input(const BabiBatch& batch, MemN2NInput& in) const {
  make_memn2n_input(batch, model_->options().encoding, model_->options().dim, in,
                    options_.attend_empty_slots);
}

std::vector<std::string> MemN2NLearner::train_metric_names() const {
  return with_reinforce_metric_names({"loss", "error", "linear_start"}, model_->needs_reinforce());
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
  const int64_t per_epoch = steps_per_epoch();
  if (in_linear_start() && step > 0 && step % per_epoch == 0) update_linear_start(step / per_epoch);
  std::vector<int> indices = sampler_.indices(step);
  // Data-parallel: every rank has the same global batch and takes its shard of it; its loss is weighted by
  // the shard's share unless the loss is a sum over the batch, which the ranks' sums already add up to.
  const int64_t global_batch = static_cast<int64_t>(indices.size());
  const float shard_weight = options_.sum_loss ? 1.f : shard_.share(global_batch);
  if (!shard_.whole())
    indices = std::vector<int>(indices.begin() + shard_.begin(global_batch),
                               indices.begin() + shard_.end(global_batch));
  Rng own_sampling = shard_.whole() ? Rng() : distributed::rank_stream(rng, shard_, step);
  Rng& sampling = shard_.whole() ? rng : own_sampling;
  BabiBatch batch = make_babi_batch(data_.train, indices, shape_);
  if (options_.random_noise > 0.f) {
    // From the step alone: resumed runs insert the same noise (each rank its own in data-parallel runs).
    Rng noise(step_seed(options_.seed, step) + static_cast<uint64_t>(shard_.rank));
    insert_empty_memories(batch, options_.random_noise, noise);
  }
  fill_input(batch, input_);
  const bool ls = in_linear_start();
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &sampling, .step = step, .policy = &policy};
  const MemN2N::Output out = model_->forward(tape, input_, mode(), ctx);
  Var mean_loss = softmax_cross_entropy(out.logits, batch.answer);
  // The paper sums over the batch; LS's smaller learning rate is the same scale on the gradient for SGD.
  const float scale_by = (options_.sum_loss ? static_cast<float>(batch.batch) : 1.f) *
                         (ls ? options_.ls_lr_factor : 1.f) * shard_weight;
  const Matrix right = classification_rewards(RewardKind::kCorrect, out.logits.value(), batch.answer);
  metrics = {{"loss", mean_loss.item()}, {"error", 1.0 - right.mean()}, {"linear_start", ls ? 1.0 : 0.0}};
  Var loss = mean_loss;
  if (model_->needs_reinforce()) {
    const Matrix rewards = options_.reward == RewardKind::kCorrect
                               ? right
                               : classification_rewards(options_.reward, out.logits.value(), batch.answer);
    loss = add_reinforce_term(tape, loss, policy, rewards, options_.entropy_weight, metrics);
  }
  return scale(loss, scale_by);
}

// LS ends (softmax re-inserted for good) once the validation loss has not fallen below its best for
// ls_patience epochs in a row, or after ls_max_epochs; with ls_fixed only the latter.
void MemN2NLearner::update_linear_start(int64_t epoch) {
  const bool capped = options_.ls_max_epochs > 0 && epoch >= options_.ls_max_epochs;
  bool stop = capped || (data_.valid.empty() && !options_.ls_fixed);
  if (!stop && !options_.ls_fixed) {
    const Scores s = score(data_.valid);
    const float loss = static_cast<float>(s.loss_sum / static_cast<double>(data_.valid.size()));
    float& wait = ls_wait_->value(0, 0);
    if (loss < ls_state_->value(0, 1)) {
      ls_state_->value(0, 1) = loss;
      wait = 0.f;
    } else {
      wait += 1.f;
    }
    stop = wait >= static_cast<float>(options_.ls_patience);
  }
  if (stop) {
    ls_state_->value(0, 0) = 0.f;
    ls_end_->value(0, 0) = static_cast<float>(epoch);
    message("linear start ends after epoch " + std::to_string(epoch) + ": softmax attention from here on");
  }
}

int64_t MemN2NLearner::schedule_origin() const {
  if (!options_.linear_start || !options_.ls_restart_schedule) return 0;
  // While LS lasts the schedule stays at its start (LS trains at lr(0) * ls_lr_factor).
  if (in_linear_start()) return std::numeric_limits<int64_t>::max() / 2;
  return static_cast<int64_t>(ls_end_->value(0, 0));
}

MemN2NLearner::Scores MemN2NLearner::score(const std::vector<BabiExample>& examples) const {
  Scores s;
  s.support_hits.assign(static_cast<size_t>(model_->options().hops), 0);
  Tape& tape = eval_tape_;
  MemN2NInput& in = eval_input_;
  tape.set_grad_enabled(false);
  for_chunks(static_cast<int>(examples.size()), options_.eval_batch, [&](int first, int count) {
    tape.clear();
    const BabiBatch batch = make_babi_batch(examples, iota_from(first, count), shape_);
    fill_input(batch, in);
    AddressingContext ctx{.training = false};
    const MemN2N::Output out = model_->forward(tape, in, mode(), ctx);
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

std::vector<int> MemN2NLearner::recorded_examples() const {
  const int n = static_cast<int>(data_.test.size());
  const int count = std::min(n, options_.attention_examples);
  std::vector<int> picks;
  for (int i = 0; i < count; ++i) picks.push_back(static_cast<int>(static_cast<int64_t>(i) * n / count));
  return picks;  // spread over the split, so joint runs show several tasks
}

MemN2NLearner::Attended MemN2NLearner::attend(const std::vector<BabiExample>& examples,
                                              const std::vector<int>& picks) const {
  Tape& tape = eval_tape_;
  MemN2NInput& in = eval_input_;
  tape.clear();
  tape.set_grad_enabled(false);
  Attended a{make_babi_batch(examples, picks, shape_), {}, {}};
  fill_input(a.batch, in);
  AddressingContext ctx{.training = false};  // hard hops take the argmax
  const MemN2N::Output out = model_->forward(tape, in, mode(), ctx);
  a.predicted = argmax_rows(out.logits.value());
  for (const Var& hop : out.attention) a.hops.push_back(hop.value());
  return a;
}

std::map<std::string, Matrix> MemN2NLearner::attention_maps(Rng&) {  // fixed examples: no draw
  std::map<std::string, Matrix> maps;
  const std::vector<int> picks = recorded_examples();
  if (picks.empty()) return maps;
  const Attended a = attend(data_.test, picks);
  for (size_t i = 0; i < picks.size(); ++i) {
    const std::string example = "example" + std::to_string(i);
    const Index n = a.batch.sentence_count[i];
    for (size_t k = 0; k < a.hops.size(); ++k)
      maps[example + "/hop" + std::to_string(k + 1)] =
          story_attention(a.hops[k], static_cast<Index>(i), n, options_.attend_empty_slots);
    maps[example + "/predicted"] = Matrix::Constant(1, 1, static_cast<float>(a.predicted[i]));
  }
  return maps;
}

AttentionView MemN2NLearner::attention_view(const std::string& split_name, int64_t index) {
  const std::vector<BabiExample>& examples = split(split_name);
  const auto count = static_cast<int64_t>(examples.size());
  if (index < 0 || index >= count)
    throw UserError("example " + std::to_string(index) + " is out of range: the " + split_name +
                    " split has " + std::to_string(count) + " questions" +
                    (count > 0 ? " (0.." + std::to_string(count - 1) + ")" : ""));
  const BabiExample& e = examples[static_cast<size_t>(index)];
  const Attended a = attend(examples, {static_cast<int>(index)});
  const auto n = static_cast<Index>(a.batch.sentence_count.front());
  plot::HeatmapSpec panel;
  for (size_t k = 0; k < a.hops.size(); ++k) {
    const Matrix column = story_attention(a.hops[k], 0, n, options_.attend_empty_slots).transpose();
    if (k == 0) panel.values.resize(column.rows(), static_cast<Index>(a.hops.size()));
    panel.values.col(static_cast<Index>(k)) = column;
  }
  for (Index m = 0; m < n; ++m)
    panel.row_labels.push_back(words_text(data_.vocab, e.story[static_cast<size_t>(m)]));
  if (panel.values.rows() > n) panel.row_labels.push_back(kNothing);
  for (size_t k = 1; k <= a.hops.size(); ++k) panel.col_labels.push_back("hop " + std::to_string(k));
  for (int f : e.supporting)
    if (f < n) panel.marked_rows.push_back(f);
  const std::string title = words_text(data_.vocab, e.question) + "? -> " + data_.vocab.word(e.answer) +
                            " (predicted: " + data_.vocab.word(a.predicted.front()) + ")";
  panel.title = "task " + std::to_string(e.task) + ", " + split_name + " question " + std::to_string(index) +
                ": " + title;
  panel.x_title = "hop";
  panel.y_title = "story sentence";
  return single_panel_view(title, "hops", std::move(panel));
}

std::map<std::string, std::string> MemN2NLearner::checkpoint_extras() const {
  std::map<std::string, std::string> extras;
  std::string words;
  for (const std::string& w : data_.vocab.words()) words += w + "\n";
  extras["vocabulary"] = words;
  // What the recorded attention rows refer to: one line per memory slot, then question and answer.
  const std::vector<int> picks = recorded_examples();
  for (size_t i = 0; i < picks.size(); ++i) {
    const BabiExample& e = data_.test[static_cast<size_t>(picks[i])];
    std::string text = "task " + std::to_string(e.task) + " test question " + std::to_string(picks[i]) + "\n";
    for (size_t m = 0; m < e.story.size(); ++m)
      text += "memory " + std::to_string(m) + ": " + words_text(data_.vocab, e.story[m]) + "\n";
    if (options_.attend_empty_slots && static_cast<int>(e.story.size()) < shape_.memory_size)
      text += "memory " + std::to_string(e.story.size()) + ": " + kNothing + "\n";
    text += "question: " + words_text(data_.vocab, e.question) + "\nanswer: " + data_.vocab.word(e.answer) +
            "\nsupporting:";
    for (int f : e.supporting) text += " " + std::to_string(f);
    extras["attention/example" + std::to_string(i)] = text + "\n";
  }
  return extras;
}

}  // namespace mann
