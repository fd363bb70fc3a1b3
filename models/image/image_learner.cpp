#include "models/image/image_learner.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "framework/autodiff/ops.h"
#include "framework/train/reward.h"

namespace mann {

ImageLearner::ImageLearner(std::unique_ptr<ImageDataset> dataset, std::unique_ptr<ParameterCollection> params,
                           std::unique_ptr<ImageModel> model, const ImageLearnerOptions& options)
    : dataset_(std::move(dataset)),
      params_(std::move(params)),
      model_(std::move(model)),
      options_(options),
      objective_({"loss", "accuracy"}, model_->needs_reinforce(), options.entropy_weight) {}

ImageShape ImageLearner::image_shape() const {
  const ImageClassificationData& d = data();
  return {d.channels(), d.height(), d.width()};
}

Var ImageLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  ImageBatch batch = data().random_batch("train", options_.batch, rng);
  // Data-parallel: every rank drew the same global batch from the shared stream; this one keeps its shard
  // and makes its own random choices (first locations, policy noise) from a stream of its own.
  std::optional<Rng> rank_rng;
  if (!shard_.whole()) {
    const int64_t begin = shard_.begin(options_.batch), count = shard_.count(options_.batch);
    batch.pixels = Matrix(batch.pixels.middleRows(begin, count));
    batch.labels = std::vector<int>(batch.labels.begin() + begin, batch.labels.begin() + begin + count);
    rank_rng.emplace(distributed::rank_stream(rng, shard_, step));
  }
  PolicyLog policy;
  AddressingContext ctx{
      .training = true, .rng = rank_rng ? &*rank_rng : &rng, .step = step, .policy = &policy};
  Var out = model_->logits(tape, tape.constant(std::move(batch.pixels)), ctx);
  Var loss = softmax_cross_entropy(out, batch.labels);
  const Matrix right = classification_rewards(RewardKind::kCorrect, out.value(), batch.labels);
  Var total = objective_.loss(
      tape, loss, {{"loss", loss.item()}, {"accuracy", right.mean()}}, policy, [&] { return right; },
      metrics);
  return shard_.whole() ? total : scale(total, shard_.share(options_.batch));
}

Matrix ImageLearner::class_probabilities(Tape& tape, const Matrix& pixels, int samples, Rng& rng) {
  tape.set_grad_enabled(false);
  const bool sampled = samples > 1 && model_->stochastic();
  Matrix sum;
  for (int s = 0; s < (sampled ? samples : 1); ++s) {
    tape.clear();
    // A sampled path runs the modules as in training; nothing is logged (no policy), and the terms they
    // owe are forgotten with the tape.
    AddressingContext ctx{.training = sampled, .rng = &rng};
    const Matrix p = softmax_rows(model_->logits(tape, tape.constant(pixels), ctx)).value();
    if (s == 0)
      sum = p;
    else
      sum += p;
  }
  tape.clear();
  return sampled ? Matrix(sum / static_cast<float>(samples)) : sum;
}

double ImageLearner::multiply_adds_per_example(const std::string& split, int count) {
  std::vector<std::int64_t> indices(static_cast<std::size_t>(std::min(count, data().size(split))));
  std::iota(indices.begin(), indices.end(), 0);
  const ImageBatch batch = data().batch(split, indices);
  Tape tape;
  tape.set_grad_enabled(false);
  Rng rng(1);
  AddressingContext ctx{.training = false, .rng = &rng};
  model_->logits(tape, tape.constant(batch.pixels), ctx);
  return static_cast<double>(tape.multiply_adds()) / static_cast<double>(batch.size());
}

int ImageLearner::evaluated_examples(const std::string& split) const {
  const int size = data().size(split);
  return options_.eval_examples > 0 ? std::min(options_.eval_examples, size) : size;
}

Metrics ImageLearner::evaluate(const std::string& split, Rng& rng) {
  const int count = evaluated_examples(split);
  Tape tape;
  double right = 0, loss = 0;
  std::vector<std::int64_t> indices;
  for (int start = 0; start < count; start += options_.eval_batch) {
    indices.resize(static_cast<std::size_t>(std::min(options_.eval_batch, count - start)));
    std::iota(indices.begin(), indices.end(), start);
    const ImageBatch batch = data().batch(split, indices);
    const Matrix p = class_probabilities(tape, batch.pixels, options_.eval_samples, rng);
    for (int b = 0; b < batch.size(); ++b) {
      Index predicted = 0;
      p.row(b).maxCoeff(&predicted);
      right += predicted == batch.labels[static_cast<std::size_t>(b)] ? 1 : 0;
      loss -= std::log(std::max(p(b, batch.labels[static_cast<std::size_t>(b)]), 1e-12f));
    }
  }
  const double accuracy = right / count;
  return {{"error", 1.0 - accuracy}, {"accuracy", accuracy}, {"loss", loss / count}};
}

}  // namespace mann
