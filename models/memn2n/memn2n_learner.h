#pragma once
// Trains a MemN2N on bAbI with the paper's recipe (sec. 4.2), from its parts: the data
// (MemN2NTrainingBatches: epochs, shards, random noise), the model (MemN2N), the objective (cross-entropy
// summed over the batch, REINFORCE for hard hops), linear start (LinearStart) and the views (MemN2NViews).
// The nil word is kept at zero after every update. Evaluation reports the answer error, per-task errors
// with the bAbI summary (mean error, failed tasks) and, per hop, how often the most attended memory is a
// supporting fact.
#include <memory>
#include <string>

#include "datasets/babi/babi_batch.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "framework/train/reward.h"
#include "models/memn2n/linear_start.h"
#include "models/memn2n/memn2n_model.h"
#include "models/memn2n/memn2n_views.h"
#include "models/memn2n/training_batches.h"

namespace mann {

struct MemN2NLearnerOptions {
  int batch = 32;
  int eval_batch = 256;
  bool sum_loss = true;             // loss = cross-entropy summed over the batch (paper), else its mean
  LinearStartOptions linear_start;  // LS (sec. 4.2); needs every hop's addressing to have a linear form
  bool attend_empty_slots = false;  // padded slots stay in the softmax as zero memories (authors' code)
  float random_noise = 0.f;      // RN: up to this fraction of empty memories inserted per story (paper: 0.1)
  float entropy_weight = 0.01f;  // REINFORCE entropy bonus, for hops with hard attention
  RewardKind reward = RewardKind::kCorrect;  // REINFORCE reward of hops with hard attention
  int attention_examples = 4;  // test questions whose per-hop attention the final checkpoint records
  uint64_t seed = 0;           // epoch orders and noise
};

// Linear start asked of a model whose attention has no linear form (anything but soft_content with dot
// scores): the registry reports it at the config's linear_start key.
struct LinearStartUnsupported : UserError {
  using UserError::UserError;
};

class MemN2NLearner : public Learner {
 public:
  // Throws UserError for non-positive batch sizes, noise outside [0, 1], or linear start with an addressing
  // module that has no linear form.
  MemN2NLearner(BabiDataset data, std::unique_ptr<ParameterCollection> params, const MemN2NOptions& model,
                const MemN2NLearnerOptions& options,
                const AddressingModuleFactory& addressing = MemN2N::paper_addressing());

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  void after_step() override { model_->zero_nil(); }
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_.metric_names(); }
  std::vector<std::string> eval_metric_names() const override;
  DataPlan data_plan() const override;
  int64_t schedule_origin() const override { return linear_start_.schedule_origin(); }
  // The vocabulary, one word a line.
  std::map<std::string, std::string> checkpoint_extras() const override;
  AttentionViews* views() override { return &views_; }

  // Per-hop attention and predicted answers of examples[picks[i]], recomputed with the current parameters
  // at evaluation (hard hops take their argmax).
  struct Attended {
    BabiBatch batch;
    std::vector<Matrix> hops;  // per hop, (picks x N) weights over memory slots
    std::vector<int> predicted;
  };
  Attended attend(const std::vector<BabiExample>& examples, const std::vector<int>& picks) const;
  // The questions of a split ("train", "valid", "test"); UserError for any other name.
  const std::vector<BabiExample>& split(const std::string& name) const;
  // Memory slots of the padded batches.
  int memory_slots() const { return batches_.shape().memory_size; }
  bool in_linear_start() const { return linear_start_.active(); }
  const BabiDataset& data() const { return data_; }
  MemN2N& model() { return *model_; }

 private:
  struct Scores;
  Scores score(const std::vector<BabiExample>& examples) const;
  void fill_input(const BabiBatch& batch, MemN2NInput& in) const;
  // The evaluation forward pass of a batch on the reused evaluation tape.
  MemN2N::Output evaluation_forward(const BabiBatch& batch) const;

  BabiDataset data_;
  std::unique_ptr<ParameterCollection> params_;
  MemN2NLearnerOptions options_;
  MemN2NTrainingBatches batches_;
  std::unique_ptr<MemN2N> model_;
  LinearStart linear_start_;
  Objective objective_;
  MemN2NViews views_;
  MemN2NInput input_;  // reused across steps
  // Evaluation state, reused across calls so that per-epoch evaluations stop allocating after the first.
  mutable Tape eval_tape_;
  mutable MemN2NInput eval_input_;
};

}  // namespace mann
