#pragma once
// Trains a SequenceModel on an algorithmic SequenceTask with the NTM paper's measures: binary
// cross-entropy over the output phase, reported in bits per sequence, and bit errors per sequence
// (outputs thresholded at 0.5); plus the fraction of sequences with every bit right. Choices of hard
// attention modules (recorded in the forward's PolicyLog) are trained by REINFORCE with each sequence's
// negative loss as its reward.
#include <memory>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/train/learner.h"
#include "models/sequence/sequence_model.h"

namespace mann {

struct SequenceLearnerOptions {
  int batch = 16;
  int eval_batch = 64;
  int eval_batches = 4;
};

class SequenceLearner : public Learner {
 public:
  SequenceLearner(std::unique_ptr<SequenceTask> task, std::unique_ptr<ParameterCollection> params,
                  std::unique_ptr<SequenceModel> model, SequenceLearnerOptions options);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  // The same on a given batch (benchmarks draw their own, e.g. one length per batch).
  Var training_step_on(Tape& tape, const SequenceBatch& batch, int64_t step, Rng& rng, Metrics& metrics);
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return {"loss", "bits", "bit_errors"}; }
  std::vector<std::string> eval_metric_names() const override { return {"bit_errors", "bits", "seq_accuracy"}; }
  int64_t examples_per_step() const override { return options_.batch; }
  bool supports_shards() const override { return true; }
  // One evaluation example: "input", "target", "output" (sigmoid of the logits), each (T x width), and
  // every series the model recorded (an NTM's "read0", "write0": T x N weightings; "add0": T x M).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;

  SequenceTask& task() { return *task_; }

 private:
  struct Scored {
    Var loss;           // summed binary cross-entropy (nats) over the output phase, averaged over sequences
    double bit_errors;  // per sequence
    double all_right;   // fraction of sequences without a wrong bit
    Matrix example_loss;  // (B x 1) binary cross-entropy (nats) of each sequence: REINFORCE's reward is -this
  };
  Scored score(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx);

  std::unique_ptr<SequenceTask> task_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<SequenceModel> model_;
  SequenceLearnerOptions options_;
};

}  // namespace mann
