#include "models/readers/reader_learner.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"

namespace mann {
namespace {

// Per example: 1 where the highest logit is the answer.
Matrix correct_answers(const Var& logits, const std::vector<int>& answers) {
  const std::vector<int> predicted = argmax_rows(logits.value());
  Matrix right(static_cast<Index>(answers.size()), 1);
  for (size_t b = 0; b < answers.size(); ++b)
    right(static_cast<Index>(b), 0) = predicted[b] == answers[b] ? 1.f : 0.f;
  return right;
}

}  // namespace

ReaderLearner::ReaderLearner(ClozeCorpus corpus, const ReaderOptions& options,
                             const AddressingModuleFactory& attention)
    : corpus_(std::move(corpus)),
      options_(options),
      params_(std::make_unique<ParameterCollection>(options.seed)),
      sampler_(EpochPlan{static_cast<int>(corpus_.train.size()), options.batch}, options.seed),
      views_(*this) {
  if (options.batch <= 0 || options.eval_batch <= 0) throw UserError("reader batch sizes must be positive");
  Rng init(options.seed);
  model_ = std::make_unique<ReaderModel>(params_->scope("model"), options, corpus_.vocab.size(),
                                         corpus_.entities, init, attention);
  objective_.emplace(std::vector<std::string>{"loss", "accuracy"},
                     has_attention() && model_->attention()->needs_reinforce(), options.entropy_weight);
}

Var ReaderLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  std::vector<const ClozeExample*> examples;
  for (int i : sampler_.indices(step)) examples.push_back(&corpus_.train[static_cast<size_t>(i)]);
  const ReaderBatch batch = make_reader_batch(std::move(examples), corpus_.entities);
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  const ReaderOutput out = (*model_)(tape, batch, ctx);
  const Var loss = softmax_cross_entropy(out.logits, batch.answers);
  const Matrix right = correct_answers(out.logits, batch.answers);
  return objective_->loss(
      tape, loss, {{"loss", loss.item()}, {"accuracy", right.mean()}}, policy, [&] { return right; },
      metrics);
}

Metrics ReaderLearner::evaluate(const std::string& split, Rng& rng) {
  const std::vector<ClozeExample>& examples = corpus_.split(split);
  Tape& tape = eval_tape_;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};
  double right = 0, loss = 0;
  for (size_t start = 0; start < examples.size(); start += static_cast<size_t>(options_.eval_batch)) {
    tape.clear();
    std::vector<const ClozeExample*> chunk;
    for (size_t i = start; i < std::min(examples.size(), start + static_cast<size_t>(options_.eval_batch));
         ++i)
      chunk.push_back(&examples[i]);
    const ReaderBatch batch = make_reader_batch(std::move(chunk), corpus_.entities);
    const ReaderOutput out = (*model_)(tape, batch, ctx);
    loss += softmax_cross_entropy(out.logits, batch.answers).item() * batch.batch;
    right += correct_answers(out.logits, batch.answers).sum();
  }
  const double n = static_cast<double>(examples.size());
  return {{"error", 1.0 - right / n}, {"accuracy", right / n}, {"loss", loss / n}};
}

ReaderAnswer ReaderLearner::answer(const ClozeExample& example, Rng& rng) {
  Tape& tape = eval_tape_;
  tape.set_grad_enabled(false);
  tape.clear();
  AddressingContext ctx{.training = false, .rng = &rng};
  const ReaderOutput out = (*model_)(tape, make_reader_batch({&example}, corpus_.entities), ctx);
  ReaderAnswer a{argmax_rows(out.logits.value()).front(), {}};
  for (const Var& w : out.attention) a.attention.push_back(w.value());
  return a;
}

std::map<std::string, std::string> ReaderLearner::checkpoint_extras() const {
  std::string words;
  for (const std::string& w : corpus_.vocab.words()) words += w + "\n";
  return {{"vocabulary", words}};
}

}  // namespace mann
