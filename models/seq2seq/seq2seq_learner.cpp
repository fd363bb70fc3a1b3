#include "models/seq2seq/seq2seq_learner.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "framework/train/generated_example.h"
#include "framework/train/reinforce_objective.h"
#include "framework/train/trainer.h"
#include "models/qa/epoch_order.h"

namespace mann {
namespace {

// Decoding may run past the target (an unlearned model rarely emits <eos>): allow twice the source.
int max_output_steps(int source_steps) {
  return 2 * source_steps + 2;
}

Matrix id_row(const std::vector<int>& ids) {
  Matrix m(1, static_cast<Index>(ids.size()));
  for (size_t i = 0; i < ids.size(); ++i) m(0, static_cast<Index>(i)) = static_cast<float>(ids[i]);
  return m;
}

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
      params_(std::make_unique<ParameterCollection>(options.seed)) {
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
}

std::vector<std::string> Seq2SeqLearner::train_metric_names() const {
  return with_reinforce_metric_names({"loss", "token_accuracy"}, needs_reinforce());
}

const LengthRange& Seq2SeqLearner::lengths(const std::string& split) const {
  if (split == "train") return task_->train_lengths();
  if (split == "valid" || split == "test") return task_->eval_lengths();
  throw UserError(task_->name() + " has no split `" + split + "` (train, valid or test)");
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
  const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample(options_.batch, rng, task_->train_lengths()));
  PolicyLog policy;
  AddressingContext ctx{.training = true, .rng = &rng, .step = step, .policy = &policy};
  const TeacherForced tf = teacher_forced(tape, batch, ctx);
  metrics = {{"loss", tf.loss.item()}, {"token_accuracy", tf.token_accuracy.mean()}};
  if (!needs_reinforce()) return tf.loss;
  return add_reinforce_term(tape, tf.loss, policy, tf.token_accuracy, options_.entropy_weight, metrics);
}

std::vector<Decoded> Seq2SeqLearner::decode(const Seq2SeqBatch& batch, AddressingContext& ctx,
                                            int beam_size) {
  Tape& tape = decode_tape_;
  tape.set_grad_enabled(false);
  std::vector<int> source_lengths;
  for (int b = 0; b < batch.batch; ++b) source_lengths.push_back(batch.source_length(b));
  if (beam_size == 1) {
    tape.clear();
    return greedy_decode(tape, *decoder_, (*encoder_)(tape, batch), source_lengths,
                         max_output_steps(batch.source_steps), ctx);
  }
  std::vector<Decoded> out;
  for (int b = 0; b < batch.batch; ++b) {
    tape.clear();
    const Seq2SeqBatch one = make_seq2seq_batch({batch.examples[static_cast<size_t>(b)]});
    out.push_back(beam_decode(tape, *decoder_, (*encoder_)(tape, one), one.source_steps, beam_size,
                              max_output_steps(one.source_steps), ctx));
  }
  return out;
}

Metrics Seq2SeqLearner::evaluate(const std::string& split, Rng& rng) {
  const LengthRange& range = lengths(split);
  Tape& tape = eval_tape_;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};  // hard: argmax; gumbel: no noise
  double loss = 0, exact = 0, right_tokens = 0, target_tokens = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample(options_.eval_batch, rng, range));
    loss += teacher_forced(tape, batch, ctx).loss.item();
    const std::vector<Decoded> decoded = decode(batch, ctx, options_.beam_size);
    for (int b = 0; b < batch.batch; ++b) {
      const std::vector<int>& target = batch.examples[static_cast<size_t>(b)].target;
      const std::vector<int>& predicted = decoded[static_cast<size_t>(b)].tokens;
      exact += predicted == target;
      for (size_t k = 0; k < target.size(); ++k)
        right_tokens += k < predicted.size() && predicted[k] == target[k];
      target_tokens += static_cast<double>(target.size());
    }
  }
  const double examples = static_cast<double>(options_.eval_batches) * options_.eval_batch;
  return {{"error", 1.0 - exact / examples},
          {"exact_match", exact / examples},
          {"token_accuracy", right_tokens / target_tokens},
          {"loss", loss / options_.eval_batches}};
}

std::map<std::string, Matrix> Seq2SeqLearner::attention_maps(Rng& rng) {
  const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample(1, rng, task_->eval_lengths()));
  AddressingContext ctx{.training = false, .rng = &rng};
  const Decoded decoded = decode(batch, ctx, options_.beam_size).front();
  std::map<std::string, Matrix> maps{{"source", id_row(batch.examples[0].source)},
                                     {"target", id_row(batch.examples[0].target)},
                                     {"predicted", id_row(decoded.tokens)}};
  if (decoded.attention.size() > 0) maps["alignment"] = decoded.attention;
  return maps;
}

AttentionView Seq2SeqLearner::attention_view(const std::string& split, int64_t index) {
  const LengthRange& range = lengths(split);
  Rng rng = generated_example_rng(options_.eval_seed, split, index);
  if (!decoder_->attention()) return {};
  const Seq2SeqBatch batch = make_seq2seq_batch(task_->sample(1, rng, range));
  AddressingContext ctx{.training = false, .rng = &rng};
  const Decoded decoded = decode(batch, ctx, options_.beam_size).front();
  const Seq2SeqExample& e = batch.examples[0];
  const std::string title = task_->source_text(e.source) + " -> " + task_->target_text(e.target) +
                            " (predicted: " + task_->target_text(decoded.tokens) + ")";
  plot::HeatmapSpec panel;
  panel.values = decoded.attention;
  for (int id : e.source) panel.col_labels.push_back(task_->source_words()[static_cast<size_t>(id)]);
  for (int id : decoded.tokens) panel.row_labels.push_back(task_->target_words()[static_cast<size_t>(id)]);
  panel.title = title;
  panel.x_title = "input";
  panel.y_title = "output";
  return single_panel_view(title, "alignment", std::move(panel));
}

std::map<std::string, std::string> Seq2SeqLearner::checkpoint_extras() const {
  return {{"source_vocabulary", vocabulary_text(task_->source_words())},
          {"target_vocabulary", vocabulary_text(task_->target_words())}};
}

}  // namespace mann
