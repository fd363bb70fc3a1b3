#pragma once
// The learner of image classification: a swappable ImageModel (the recurrent attention model, an MLP, a
// convnet) bound to an image dataset. Each training step draws a batch of the training split through the
// step's generator (seeded, so runs repeat); the loss is the cross-entropy, plus, for a model with
// REINFORCE-trained choices, their term with reward 1 for a right answer and 0 otherwise (the RAM paper's
// hybrid loss; the learned baselines' regression comes with it). Evaluation walks the first eval_examples
// examples of a split in order: error (primary), accuracy, loss. With eval_samples > 1 a stochastic model
// is run on that many sampled paths per batch and its class probabilities averaged (Monte Carlo
// evaluation); otherwise once, deterministically where the model allows (RAM: the location means).
// Data-parallel training (DataPlan): each rank computes its shard of the global batch.
#include <memory>
#include <optional>

#include "datasets/image/image_dataset.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "framework/views/attention_views.h"
#include "models/image/image_model.h"

namespace mann {

struct ImageLearnerOptions {
  int batch = 32;
  int eval_batch = 500;        // examples per evaluation forward pass
  int eval_examples = 0;       // the first eval_examples of a split (0: all)
  int eval_samples = 1;        // sampled paths averaged per example (1: one deterministic pass)
  float entropy_weight = 0.f;  // REINFORCE entropy bonus (models with REINFORCE-trained choices)
};

class ImageLearner : public Learner {
 public:
  /// Takes the dataset, the parameters and the model built on them.
  ImageLearner(std::unique_ptr<ImageDataset> dataset, std::unique_ptr<ParameterCollection> params,
               std::unique_ptr<ImageModel> model, const ImageLearnerOptions& options);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_.metric_names(); }
  std::vector<std::string> eval_metric_names() const override { return {"error", "accuracy", "loss"}; }
  DataPlan data_plan() const override {
    return {.examples_per_step = options_.batch, .supports_shards = true};
  }
  AttentionViews* views() override { return views_.get(); }

  /// Installs the model's views (they usually need the learner's data and model, hence after construction).
  void set_views(std::unique_ptr<AttentionViews> views) { views_ = std::move(views); }
  /// The images, labels and class names.
  const ImageClassificationData& data() const { return dataset_->data(); }
  /// The model.
  ImageModel& model() { return *model_; }
  /// How many examples evaluate(split) scores.
  int evaluated_examples(const std::string& split) const;
  /// The image shape of the dataset's canvases.
  ImageShape image_shape() const;
  /// The class probabilities (B x classes) of a batch, averaged over `samples` sampled paths when
  /// samples > 1 (see the class comment); `tape` is cleared and used gradient-free.
  Matrix class_probabilities(Tape& tape, const Matrix& pixels, int samples, Rng& rng);
  /// Multiply-adds of one forward pass, per example (Tape::multiply_adds), on the first `count` images
  /// of `split`: the model's arithmetic as it runs (a hard choice reads one glimpse, soft all of them).
  double multiply_adds_per_example(const std::string& split, int count);

 private:
  std::unique_ptr<ImageDataset> dataset_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<ImageModel> model_;
  ImageLearnerOptions options_;
  Objective objective_;
  std::unique_ptr<AttentionViews> views_;
};

}  // namespace mann
