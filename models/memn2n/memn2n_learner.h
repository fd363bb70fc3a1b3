#pragma once
// Trains a MemN2N on bAbI with the paper's recipe (sec. 4.2): epochs over the training questions in a seeded
// shuffled order, cross-entropy summed over the batch, the nil word kept at zero, and optionally linear start
// (LS) and random noise (RN). Evaluation reports the answer error, per-task errors with the bAbI summary
// (mean error, failed tasks) and, per hop, how often the most attended memory is a supporting fact.
#include <memory>
#include <string>

#include "datasets/babi/babi_batch.h"
#include "framework/train/learner.h"
#include "framework/train/reward.h"
#include "models/memn2n/memn2n_model.h"
#include "models/qa/epoch_order.h"

namespace mann {

struct MemN2NLearnerOptions {
  int batch = 32;
  int eval_batch = 256;
  bool sum_loss = true;       // loss = cross-entropy summed over the batch (paper), else its mean
  bool linear_start = false;  // LS: train without the attention softmax until validation loss stops falling
  float ls_lr_factor = 0.5f;  // LS trains at lr * this (paper: 0.005 vs 0.01), applied as a loss scale
  int ls_max_epochs = 20;     // LS ends after this many epochs at the latest (0: only on the loss criterion)
  bool ls_fixed = false;      // LS lasts exactly ls_max_epochs (no validation-loss criterion)
  int ls_patience = 1;        // LS ends after this many epochs in a row without a lower validation loss
  bool ls_restart_schedule = false;  // the lr schedule starts over when LS ends (authors' code), else runs on
  bool attend_empty_slots = false;  // padded slots stay in the softmax as zero memories (authors' code)
  float random_noise = 0.f;      // RN: up to this fraction of empty memories inserted per story (paper: 0.1)
  float entropy_weight = 0.01f;  // REINFORCE entropy bonus, for hops with hard attention
  RewardKind reward = RewardKind::kCorrect;  // REINFORCE reward of hops with hard attention
  int attention_examples = 4;                // test questions whose per-hop attention a checkpoint records
  uint64_t seed = 0;                         // epoch orders and noise
};

class MemN2NLearner : public Learner {
 public:
  MemN2NLearner(BabiDataset data, std::unique_ptr<ParameterCollection> params, const MemN2NOptions& model,
                const MemN2NLearnerOptions& options,
                const AddressingModuleFactory& addressing = MemN2N::paper_addressing());

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  void after_step() override { model_->zero_nil(); }
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override;
  std::vector<std::string> eval_metric_names() const override;
  int64_t examples_per_step() const override { return options_.batch; }
  bool supports_shards() const override { return true; }
  int64_t steps_per_epoch() const override { return sampler_.plan().steps_per_epoch(); }
  int64_t schedule_origin() const override;
  std::map<std::string, std::string> checkpoint_extras() const override;
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  // Question `index` of `split`: the story sentences in memory x hops, supporting facts marked, the
  // question with the true and the predicted answer as the title.
  AttentionView attention_view(const std::string& split, int64_t index) override;

  bool in_linear_start() const { return ls_state_->value(0, 0) != 0.f; }
  const BabiDataset& data() const { return data_; }
  MemN2N& model() { return *model_; }

 private:
  struct Scores;
  // Per-hop attention and predicted answers of examples[picks[i]], recomputed with the current parameters.
  struct Attended {
    BabiBatch batch;
    std::vector<Matrix> hops;  // per hop, (picks x N) weights over memory slots
    std::vector<int> predicted;
  };
  Attended attend(const std::vector<BabiExample>& examples, const std::vector<int>& picks) const;
  Scores score(const std::vector<BabiExample>& examples) const;
  void fill_input(const BabiBatch& batch, MemN2NInput& in) const;
  const std::vector<BabiExample>& split(const std::string& name) const;
  AttentionMode mode() const { return in_linear_start() ? AttentionMode::Linear : AttentionMode::Addressing; }
  void update_linear_start(int64_t epoch);
  std::vector<int> recorded_examples() const;

  BabiDataset data_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<MemN2N> model_;
  MemN2NLearnerOptions options_;
  BabiBatchShape shape_;
  EpochSampler sampler_;
  Parameter* ls_state_;  // (1 x 2): LS active (1/0), best LS validation loss; saved with the parameters
  Parameter* ls_wait_;   // (1 x 1): LS epochs since the best validation loss
  Parameter* ls_end_;    // (1 x 1): the epoch at which LS ended (0 while it lasts or without LS)
  MemN2NInput input_;    // reused across steps
  // Evaluation state, reused across calls so that per-epoch evaluations stop allocating after the first.
  mutable Tape eval_tape_;
  mutable MemN2NInput eval_input_;
};

}  // namespace mann
