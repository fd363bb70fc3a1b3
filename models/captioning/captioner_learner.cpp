#include "models/captioning/captioner_learner.h"

#include "framework/addressing/hard_attention.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "models/captioning/caption_metrics.h"

namespace mann {
namespace {

// Example b of `batch` alone, images only: what the encoder needs to decode it by beam search.
CaptionBatch one_example(const CaptionBatch& batch, int b) {
  CaptionBatch one;
  one.images = batch.images;
  one.images.pixels = batch.images.pixels.row(b);
  one.images.labels = {batch.images.labels[static_cast<size_t>(b)]};
  one.lengths = {batch.lengths[static_cast<size_t>(b)]};
  return one;
}

}  // namespace

CaptionerLearner::CaptionerLearner(SceneCaptionData data, const CaptionerOptions& options,
                                   const AddressingModuleFactory& attention)
    : data_(std::move(data)),
      options_(options),
      params_(std::make_unique<ParameterCollection>(options.seed)),
      views_(*this) {
  if (options.batch <= 0 || options.eval_batch <= 0 || options.eval_batches <= 0)
    throw UserError("captioner batch sizes must be positive");
  if (options.beam_size <= 0) throw UserError("eval.beam_size must be positive");
  Rng init(options.seed);
  const ImageShape image{data_.channels(), data_.height(), data_.width()};
  encoder_ = std::make_unique<ConvEncoder>(params_->scope("model/encoder"), image, options.encoder, init);
  decoder_ = std::make_unique<AttentionDecoder>(
      params_->scope("model/decoder"), options.cell, static_cast<Index>(data_.vocabulary().size()),
      options.embed, options.hidden, encoder_->width(), init, attention, options.decoder);
  const bool hard = decoder_->attention() && decoder_->attention()->needs_reinforce();
  objective_.emplace(std::vector<std::string>{"loss", "token_accuracy", "attention_penalty"}, hard,
                     options.entropy_weight);
  if (hard && options.reward == CaptionReward::ToGo && options.step_baseline)
    for (int t = 0; t <= options.max_words; ++t)  // a teacher-forced caption has at most max_words + 1 steps
      step_baselines_.push_back(std::make_unique<EmaBaseline>(
          params_->scope("model/step_baseline").sub("t" + std::to_string(t)), options.step_baseline_decay));
}

std::vector<std::string> CaptionerLearner::eval_metric_names() const {
  return {"error", "exact_match", "bleu1", "bleu2", "bleu3", "bleu4", "class_recall", "place_recall", "loss"};
}

EncodedSource CaptionerLearner::encode(Tape& tape, const CaptionBatch& batch) const {
  const Annotations a = (*encoder_)(tape, tape.constant(batch.images.pixels));
  return {a.vectors, Matrix::Ones(batch.size(), a.locations()), a.mean};
}

CaptionerLearner::TeacherForced CaptionerLearner::teacher_forced(Tape& tape, const CaptionBatch& batch,
                                                                 AddressingContext& ctx) const {
  const int B = batch.size(), T = batch.steps - 1;  // step t predicts token t + 1
  const EncodedSource source = encode(tape, batch);
  RnnState state = decoder_->initial_state(tape, source);
  std::vector<int> previous(static_cast<size_t>(B), decoder_->start_token()), targets;
  std::vector<Var> logits;
  // The doubly stochastic penalty needs differentiable weights: soft attention's, not hard choices.
  const bool penalise =
      options_.attention_penalty > 0.f && decoder_->attention() && !decoder_->attention()->needs_reinforce();
  Var looked;  // (B x L): sum over the caption's steps of each place's weight
  for (int t = 0; t < T; ++t) {
    const DecoderStep step = (*decoder_)(tape, previous, state, source, ctx);
    state = step.state;
    logits.push_back(step.logits);
    Matrix real(B, 1);
    for (int b = 0; b < B; ++b) {
      const bool scored = t + 1 < batch.lengths[static_cast<size_t>(b)];
      real(b, 0) = scored ? 1.f : 0.f;
      targets.push_back(scored ? batch.token(b, t + 1) : -1);  // time-major, like the rows of `all`
      previous[static_cast<size_t>(b)] = scored ? batch.token(b, t + 1) : -1;
    }
    if (penalise) {
      Var weights = mul(step.attention, tape.constant(real));
      looked = looked.valid() ? add(looked, weights) : weights;
    }
  }
  const Var all = concat_rows(logits);
  TeacherForced out;
  out.loss = softmax_cross_entropy(all, targets);
  out.logits = all;
  out.targets = std::move(targets);
  if (penalise)
    out.penalty =
        scale(sum(square(rsub_scalar(1.f, looked))), options_.attention_penalty / static_cast<float>(B));
  const std::vector<int> predicted = argmax_rows(all.value());
  int real_tokens = 0, right = 0;
  for (size_t r = 0; r < out.targets.size(); ++r) {
    if (out.targets[r] < 0) continue;
    ++real_tokens;
    right += predicted[r] == out.targets[r];
  }
  out.token_accuracy = real_tokens ? static_cast<double>(right) / real_tokens : 0.0;
  return out;
}

Matrix CaptionerLearner::word_log_likelihoods(const TeacherForced& tf, int batch) {
  const Matrix log_p = log_softmax_values(tf.logits.value());
  const Index steps = static_cast<Index>(tf.targets.size()) / batch;
  Matrix words = Matrix::Zero(batch, steps);
  for (size_t r = 0; r < tf.targets.size(); ++r)  // rows are time-major: r = t * batch + b
    if (tf.targets[r] >= 0)
      words(static_cast<Index>(r) % batch, static_cast<Index>(r) / batch) =
          log_p(static_cast<Index>(r), tf.targets[r]);
  return words;
}

void CaptionerLearner::credit_rewards_to_go(PolicyLog& policy, const Matrix& words) {
  if (static_cast<Index>(policy.entries.size()) != words.cols())
    throw std::logic_error("captioner: " + std::to_string(policy.entries.size()) + " policy entries for " +
                           std::to_string(words.cols()) + " decoder steps (rewards to go need one a step)");
  Matrix to_go = Matrix::Zero(words.rows(), 1);
  for (Index t = words.cols() - 1; t >= 0; --t) {
    to_go += words.col(t);
    policy.entries[static_cast<size_t>(t)].credited_reward = to_go;
  }
}

void CaptionerLearner::use_step_baselines(Tape& tape, PolicyLog& policy) const {
  for (size_t t = 0; t < policy.entries.size(); ++t) {
    EmaBaseline& baseline = *step_baselines_[std::min(t, step_baselines_.size() - 1)];
    PolicyLog::Entry& entry = policy.entries[t];
    entry.baseline = &baseline;  // moves by this step's rewards to go (reinforce_surrogate)
    entry.baseline_value = baseline.value(tape, entry.log_prob);
  }
}

Var CaptionerLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  const CaptionBatch batch = data_.random_batch("train", options_.batch, rng);
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  std::vector<bool>
      expected;  // drawn only for hard attention, so other runs' random streams stay as they were
  if (decoder_->attention() && decoder_->attention()->needs_reinforce() && options_.expected_context > 0.f) {
    for (int b = 0; b < batch.size(); ++b) expected.push_back(rng.bernoulli(options_.expected_context));
    ctx.expected_rows = &expected;
  }
  const TeacherForced tf = teacher_forced(tape, batch, ctx);
  const Var total = tf.penalty.valid() ? add(tf.loss, tf.penalty) : tf.loss;
  const bool to_go = options_.reward == CaptionReward::ToGo && objective_->has_hard_modules();
  const Matrix words = to_go ? word_log_likelihoods(tf, batch.size()) : Matrix();
  if (to_go) {
    credit_rewards_to_go(policy, words);
    if (!step_baselines_.empty()) use_step_baselines(tape, policy);
  }
  return objective_->loss(
      tape, total,
      {{"loss", tf.loss.item()},
       {"token_accuracy", tf.token_accuracy},
       {"attention_penalty", tf.penalty.valid() ? tf.penalty.item() : 0.0}},
      policy,
      [&]() -> Matrix {  // each caption's log-likelihood (entries credited to go use theirs instead)
        const Matrix w = to_go ? words : word_log_likelihoods(tf, batch.size());
        return w.rowwise().sum();
      },
      metrics);
}

std::vector<Decoded> CaptionerLearner::decode(const CaptionBatch& batch, AddressingContext& ctx,
                                              int beam_size) {
  const int places = static_cast<int>(encoder_->output_shape().height * encoder_->output_shape().width);
  return decode_batch(eval_tape_, *decoder_, batch.size(), beam_size, ctx, CaptionVocabulary::kEnd,
                      [&](Tape& tape, std::optional<int> example) {
                        const CaptionBatch one = example ? one_example(batch, *example) : CaptionBatch{};
                        const CaptionBatch& encoded = example ? one : batch;
                        return DecodingSource{encode(tape, encoded),
                                              std::vector<int>(static_cast<size_t>(encoded.size()), places),
                                              options_.max_words};
                      });
}

Metrics CaptionerLearner::evaluate(const std::string& split, Rng& rng) {
  AddressingContext ctx{.training = false, .rng = &rng};  // hard: argmax; gumbel: no noise
  CaptionScorer scorer;
  double loss = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    std::vector<int64_t> indices;
    for (int k = 0; k < options_.eval_batch; ++k)
      indices.push_back(static_cast<int64_t>(i) * options_.eval_batch + k);
    const CaptionBatch batch = data_.batch(split, indices);
    eval_tape_.clear();
    eval_tape_.set_grad_enabled(false);
    loss += teacher_forced(eval_tape_, batch, ctx).loss.item();
    std::vector<CaptionWords> captions;
    for (const Decoded& d : decode(batch, ctx, options_.beam_size))
      captions.push_back(data_.vocabulary().decode(d.tokens));
    scorer.add(captions, batch);
  }
  const CaptionScores s = scorer.scores();
  return {{"error", 1.0 - s.exact_match},
          {"exact_match", s.exact_match},
          {"bleu1", s.bleu.bleu[0]},
          {"bleu2", s.bleu.bleu[1]},
          {"bleu3", s.bleu.bleu[2]},
          {"bleu4", s.bleu.bleu[3]},
          {"class_recall", s.class_recall},
          {"place_recall", s.place_recall},
          {"loss", loss / options_.eval_batches}};
}

std::map<std::string, std::string> CaptionerLearner::checkpoint_extras() const {
  std::string words;
  for (int id = 0; id < data_.vocabulary().size(); ++id) words += data_.vocabulary().word(id) + "\n";
  return {{"vocabulary", words}};
}

}  // namespace mann
