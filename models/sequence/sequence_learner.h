#pragma once
// Trains a SequenceModel on an algorithmic SequenceTask with the NTM paper's measures: binary
// cross-entropy over the output phase, reported in bits per sequence, and bit errors per sequence
// (outputs thresholded at 0.5); plus the fraction of sequences with every bit right. Choices of hard
// attention modules (recorded in the forward's PolicyLog) are trained by REINFORCE with each sequence's
// negative loss as its reward. An optional curriculum raises the training length from a start value by one
// every few steps, as a function of the step alone so that resumed runs see the same lengths.
#include <memory>
#include <string>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "models/sequence/sequence_model.h"
#include "models/sequence/sequence_views.h"

namespace mann {

struct SequenceLearnerOptions {
  int batch = 16;
  int eval_batch = 64;
  int eval_batches = 4;
  int curriculum_start = 0;         // maximum training length at step 0 (0: no curriculum)
  int64_t curriculum_every = 1000;  // steps per +1 of the maximum training length
  float entropy_weight = 0.f;       // REINFORCE entropy bonus (hard attention)
  uint64_t eval_seed = 0;           // attention views draw their example from this, the split and the index
};

// The maximum training length at `step` under the curriculum, never above the task's own maximum.
int curriculum_max_length(const SequenceLearnerOptions& options, int64_t step, int task_max);

class SequenceLearner : public Learner {
 public:
  SequenceLearner(std::unique_ptr<SequenceTask> task, std::unique_ptr<ParameterCollection> params,
                  std::unique_ptr<SequenceModel> model, SequenceLearnerOptions options);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  // The same on a given batch (benchmarks draw their own, e.g. one length per batch).
  Var training_step_on(Tape& tape, const SequenceBatch& batch, int64_t step, Rng& rng, Metrics& metrics);
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_.metric_names(); }
  std::vector<std::string> eval_metric_names() const override {
    return {"bit_errors", "bits", "seq_accuracy"};
  }
  DataPlan data_plan() const override { return {.examples_per_step = options_.batch, .supports_shards = true}; }
  // Read and write weightings of the model's heads (see SequenceViews).
  AttentionViews* views() override { return &views_; }

  SequenceTask& task() { return *task_; }

 private:
  struct Scored {
    Var loss;             // summed binary cross-entropy (nats) over the output phase, averaged over sequences
    double bit_errors;    // per sequence
    double all_right;     // fraction of sequences without a wrong bit
    Matrix example_loss;  // (B x 1) binary cross-entropy (nats) of each sequence: REINFORCE's reward is -this
  };
  Scored score(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx);
  static std::vector<std::string> task_metric_names(const SequenceLearnerOptions& options);

  std::unique_ptr<SequenceTask> task_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<SequenceModel> model_;
  SequenceLearnerOptions options_;
  LengthRange task_train_lengths_;  // the configured training lengths, which a curriculum approaches
  Objective objective_;
  SequenceViews views_;
};

}  // namespace mann
