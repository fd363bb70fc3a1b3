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
#include "framework/addressing/attention_recorder.h"
#include "framework/train/learner.h"
#include "models/sequence/sequence_model.h"

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
  std::vector<std::string> train_metric_names() const override;
  std::vector<std::string> eval_metric_names() const override {
    return {"bit_errors", "bits", "seq_accuracy"};
  }
  int64_t examples_per_step() const override { return options_.batch; }
  bool supports_shards() const override { return true; }
  // One evaluation example: "input", "target", "output" (sigmoid of the logits), each (T x width), and
  // every series the model recorded (an NTM's "read0", "write0": T x N weightings; "add0": T x M).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // One panel per read and write head: memory slots x time steps of one example drawn from
  // example_seed(eval seed, split, index); "train" draws at training lengths, "valid" and "test" at
  // evaluation lengths. Empty for models without heads (the LSTM).
  AttentionView attention_view(const std::string& split, int64_t index) override;

  SequenceTask& task() { return *task_; }

 private:
  struct Scored {
    Var loss;             // summed binary cross-entropy (nats) over the output phase, averaged over sequences
    double bit_errors;    // per sequence
    double all_right;     // fraction of sequences without a wrong bit
    Matrix example_loss;  // (B x 1) binary cross-entropy (nats) of each sequence: REINFORCE's reward is -this
  };
  Scored score(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx);
  // One example (a batch of 1) run at evaluation with every series recorded.
  struct RecordedExample {
    SequenceBatch batch;
    std::vector<Matrix> outputs;  // sigmoid of the logits, per time step (1 x output_width)
    AttentionRecorder recorder;
  };
  RecordedExample record_example(SequenceBatch batch, Rng& rng);

  std::unique_ptr<SequenceTask> task_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<SequenceModel> model_;
  SequenceLearnerOptions options_;
  LengthRange task_train_lengths_;  // the configured training lengths, which a curriculum approaches
};

}  // namespace mann
