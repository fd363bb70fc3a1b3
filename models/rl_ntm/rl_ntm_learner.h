#pragma once
// Trains the RL-NTM on a tape task (Zaremba & Sutskever 2015): cross-entropy on the written symbols,
// REINFORCE on the moves and write decisions with each step credited the rewards from that step on and
// a per-step baseline, lengths from the paper's curriculum. Metrics: the normalised 0-1 loss (wrong or
// missing output symbols over the target length, averaged over examples) and the share of sequences
// without an error, plus the Objective's policy entropy, reward and gradient variance.
#include <memory>

#include "datasets/rl_tapes/symbol_tape_task.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "models/rl_ntm/rl_ntm_model.h"
#include "models/rl_ntm/rl_ntm_views.h"
#include "models/rl_ntm/tape_curriculum.h"

namespace mann {

struct RlNtmLearnerOptions {
  int batch = 200;  // the paper's batch
  int eval_batch = 64;
  int eval_batches = 4;
  float entropy_weight = 0.f;
  double baseline_clip = 2;  // the per-step baseline's gradient norm limit (the paper: 2); 0: none
  TapeCurriculumOptions curriculum;
  uint64_t eval_seed = 0;  // views draw their example from this, the split and the index
};

class RlNtmLearner : public Learner {
 public:
  RlNtmLearner(std::unique_ptr<SymbolTapeTask> task, std::unique_ptr<ParameterCollection> params,
               const RlNtmOptions& model, const RlNtmLearnerOptions& options, Rng& init);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  /// Clips the baseline's gradient norm at baseline_clip (before the trainer's clipping of everything).
  void clip_own_gradients() override;
  /// Moves the curriculum with the last training batch's error rates.
  void after_step() override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_.metric_names(); }
  std::vector<std::string> eval_metric_names() const override {
    return {"error_rate", "seq_accuracy", "symbol_loss"};
  }
  DataPlan data_plan() const override { return {.examples_per_step = options_.batch}; }
  /// Head positions over time on each tape.
  AttentionViews* views() override { return &views_; }

  const RlNtmModel& model() const { return model_; }
  const TapeCurriculum& curriculum() const { return curriculum_; }
  SymbolTapeTask& task() { return *task_; }

 private:
  std::unique_ptr<SymbolTapeTask> task_;
  std::unique_ptr<ParameterCollection> params_;
  RlNtmLearnerOptions options_;
  RlNtmModel model_;
  TapeCurriculum curriculum_;
  Objective objective_;
  RlNtmViews views_;
  // The last training batch, for the curriculum: what was drawn, each example's errors and target length.
  CurriculumDraw last_draw_;
  std::vector<double> last_errors_;
  std::vector<int> last_target_lengths_;
  int64_t last_step_ = 0;
};

}  // namespace mann
