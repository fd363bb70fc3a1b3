#pragma once
// A one-read memory model for the toy retrieval task, to compare addressing modules on the simplest problem
// they can differ on. Slot n of an example = [E_k key_n | E_v value_n]; the query is E_k of the query key;
// w = addressing(memory, query); answer = softmax(Linear(memory_read(w, memory))). Loss: cross-entropy.
// A stochastic module (hard attention) also gets the REINFORCE surrogate with, by default, reward 1 for a
// right answer and 0 otherwise, per example, since nothing else teaches it where to look.
#include <functional>
#include <memory>
#include <optional>

#include "datasets/retrieval_task.h"
#include "framework/components/addressing_components.h"
#include "framework/nn/linear.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "framework/train/reward.h"
#include "models/retrieval/retrieval_views.h"

namespace mann {

struct RetrievalReaderOptions {
  int embed = 16;                            // E: width of key and value embeddings
  float entropy_weight = 0.01f;              // REINFORCE entropy bonus (stochastic modules only)
  RewardKind reward = RewardKind::kCorrect;  // REINFORCE reward (stochastic modules only)
  int batch = 32;
  int eval_batch = 64;
  int eval_batches = 4;
  uint64_t eval_seed = 0;  // attention views draw their example from this, the split and the index
};

class RetrievalReader : public Learner {
 public:
  RetrievalReader(RetrievalTask task, uint64_t seed, const RetrievalReaderOptions& options,
                  const AddressingModuleFactory& addressing);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_->metric_names(); }
  std::vector<std::string> eval_metric_names() const override { return {"error", "accuracy"}; }
  DataPlan data_plan() const override { return {.examples_per_step = options_.batch}; }
  // The read's weighting over the slots (see RetrievalViews).
  AttentionViews* views() override { return &views_; }

  // The answer scores (B x value vocabulary) of a batch; `weights`, when given, receives the read's (B x N)
  // weighting over the slots.
  Var logits(Tape& tape, const RetrievalBatch& batch, AddressingContext& ctx, Var* weights = nullptr);
  // The task the reader is trained on.
  RetrievalTask& task() { return task_; }

 private:

  RetrievalTask task_;
  RetrievalReaderOptions options_;
  std::unique_ptr<ParameterCollection> params_;
  Parameter* key_embedding_ = nullptr;
  Parameter* value_embedding_ = nullptr;
  std::unique_ptr<Linear> output_;
  std::unique_ptr<AddressingModule> addressing_;
  std::optional<Objective> objective_;  // set once the addressing module exists (hard or not)
  RetrievalViews views_;
};

}  // namespace mann
