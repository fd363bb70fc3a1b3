#include "models/seq2seq/seq2seq_learner.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "framework/train/trainer.h"
#include "models/qa/epoch_order.h"

namespace mann {
namespace {

std::string vocabulary_text(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += w + "\n";
  return text;
}

}  // namespace

Seq2SeqLearner::Seq2SeqLearner(std::unique_ptr<Seq2SeqTask> task, const Seq2SeqOptions& options,
                               const AddressingModuleFactory& attention)
    : task_(std::move(task)),
      options_(options),
      params_(std::make_unique<ParameterCollection>(options.seed)),
      views_(*this, options.eval_seed) {
  if (options.batch <= 0 || options.eval_batch <= 0 || options.eval_batches <= 0)
    throw UserError("seq2seq batch sizes must be positive");
  if (options.beam_size <= 0) throw UserError("eval.beam_size must be positive");
  Rng init(options.seed);
  encoder_ = std::make_unique<RnnEncoder>(params_->scope("model/encoder"), options.cell,
                                          static_cast<Index>(task_->source_words().size()), options.embed,
                                          options.hidden, options.bidirectional, init);
  decoder_ = std::make_unique<AttentionDecoder>(
      params_->scope("model/decoder"), options.cell, static_cast<Index>(task_->target_words().size()),
      options.embed, options.hidden, encoder_->width(), init, attention);
  // Hard attention's choices are trained by REINFORCE with each sentence's token accuracy as the reward.
  objective_.emplace(std::vector<std::string>{"loss", "token_accuracy"},
                     has_attention() && decoder_->attention()->needs_reinforce(), options.entropy_weight);
}

const LengthRange& Seq2SeqLearner::lengths(const std::string& split) const {
  return task_->split_lengths(split);
}

Seq2SeqLearner::TeacherForced Seq2SeqLearner::teacher_forced(Tape& tape, const Seq2SeqBatch& batch,
                                                             AddressingContext& ctx) const {
  const int B = batch.batch, T = batch.target_steps;
  const EncodedSource source = (*encoder_)(tape, batch);
  RnnState state = decoder_->initial_state(tape, source);
  std::vector<int> previous(static_cast<size_t>(B), decoder_->start_token()), targets;
  std::vector<Var> logits;
  for (int t = 0; t < T; ++t) {
    const DecoderStep step = (*decoder_)(tape, previous, state, source, ctx);
    state = step.state;
    logits.push_back(step.logits);
    for (int b = 0; b < B; ++b) {
      previous[static_cast<size_t>(b)] = batch.target[static_cast<size_t>(b * T + t)];
      targets.push_back(previous[static_cast<size_t>(b)]);  // time-major, like the rows of `all`
    }
  }
  const Var all = concat_rows(logits);
  const std::vector<int> predicted = argmax_rows(all.value());
  TeacherForced out{softmax_cross_entropy(all, targets), Matrix::Zero(B, 1)};
  for (size_t r = 0; r < targets.size(); ++r)
    if (targets[r] >= 0 && predicted[r] == targets[r])
      out.token_accuracy(static_cast<Index>(r) % B, 0) += 1.f;
  for (int b = 0; b < B; ++b)
    out.token_accuracy(b, 0) /= static_cast<float>(batch.examples[static_cast<size_t>(b)].target.size());
  return out;
}

Var Seq2SeqLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample_split("train", options_.batch, rng));
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  const TeacherForced tf = teacher_forced(tape, batch, ctx);
  return objective_->loss(
      tape, tf.loss, {{"loss", tf.loss.item()}, {"token_accuracy", tf.token_accuracy.mean()}}, policy,
      [&] { return tf.token_accuracy; }, metrics);
}

std::vector<Decoded> Seq2SeqLearner::decode(const Seq2SeqBatch& batch, AddressingContext& ctx,
                                            int beam_size) {
  return decode_batch(
      decode_tape_, *decoder_, batch.batch, beam_size, ctx, kEndOfSentence,
      [&](Tape& tape, std::optional<int> example) {
        const Seq2SeqBatch one =
            example ? make_seq2seq_batch({batch.examples[static_cast<size_t>(*example)]}) : Seq2SeqBatch{};
        const Seq2SeqBatch& encoded = example ? one : batch;
        DecodingSource s{(*encoder_)(tape, encoded), {}, task_->max_output_length(encoded.source_steps)};
        for (int b = 0; b < encoded.batch; ++b) s.lengths.push_back(encoded.source_length(b));
        return s;
      });
}

Metrics Seq2SeqLearner::evaluate(const std::string& split, Rng& rng) {
  lengths(split);  // refuses an unknown split
  Tape& tape = eval_tape_;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};  // hard: argmax; gumbel: no noise
  double loss = 0, exact = 0, right_tokens = 0, target_tokens = 0;
  std::vector<Seq2SeqExample> examples;  // with their decoded outputs, for the task's own metrics
  std::vector<std::vector<int>> outputs;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample_split(split, options_.eval_batch, rng));
    loss += teacher_forced(tape, batch, ctx).loss.item();
    const std::vector<Decoded> decoded = decode(batch, ctx, options_.beam_size);
    for (int b = 0; b < batch.batch; ++b) {
      const std::vector<int>& target = batch.examples[static_cast<size_t>(b)].target;
      const std::vector<int>& predicted = decoded[static_cast<size_t>(b)].tokens;
      exact += predicted == target;
      for (size_t k = 0; k < target.size(); ++k)
        right_tokens += k < predicted.size() && predicted[k] == target[k];
      target_tokens += static_cast<double>(target.size());
      examples.push_back(batch.examples[static_cast<size_t>(b)]);
      outputs.push_back(predicted);
    }
  }
  const double count = static_cast<double>(examples.size());
  Metrics metrics = {{"error", 1.0 - exact / count},
                     {"exact_match", exact / count},
                     {"token_accuracy", right_tokens / target_tokens},
                     {"loss", loss / options_.eval_batches}};
  for (auto& m : task_->task_metrics(examples, outputs)) metrics.push_back(std::move(m));
  return metrics;
}

std::vector<std::string> Seq2SeqLearner::eval_metric_names() const {
  std::vector<std::string> names = {"error", "exact_match", "token_accuracy", "loss"};
  for (std::string& n : task_->task_metric_names()) names.push_back(std::move(n));
  return names;
}

std::map<std::string, std::string> Seq2SeqLearner::checkpoint_extras() const {
  return {{"source_vocabulary", vocabulary_text(task_->source_words())},
          {"target_vocabulary", vocabulary_text(task_->target_words())}};
}

}  // namespace mann
