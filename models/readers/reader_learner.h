#pragma once
// Trains a reader (Hermann et al. 2015) on a cloze corpus: epochs over the training questions, entity
// cross-entropy; evaluation is accuracy over a whole split (the primary metric is its complement, the
// error). Hard attention's choices are trained by REINFORCE with 1 for a right answer as the reward.
#include <memory>
#include <optional>

#include "datasets/reading/cloze_corpus.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "models/qa/epoch_order.h"
#include "models/readers/reader_model.h"
#include "models/readers/reader_views.h"

namespace mann {

// One example answered, for views.
struct ReaderAnswer {
  int predicted = 0;              // entity number
  std::vector<Matrix> attention;  // (1 x document length) per read
};

class ReaderLearner : public Learner {
 public:
  // A reader of options.reader over `corpus`; `attention` builds the document attention (unused by
  // deep_lstm).
  ReaderLearner(ClozeCorpus corpus, const ReaderOptions& options, const AddressingModuleFactory& attention);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_->metric_names(); }
  std::vector<std::string> eval_metric_names() const override { return {"error", "accuracy", "loss"}; }
  DataPlan data_plan() const override {
    return {.examples_per_step = options_.batch, .steps_per_epoch = sampler_.plan().steps_per_epoch()};
  }
  std::map<std::string, std::string> checkpoint_extras() const override;
  // The attention over the document's tokens (none for the deep LSTM reader).
  AttentionViews* views() override { return &views_; }

  // One example answered without gradients, as evaluation answers it.
  ReaderAnswer answer(const ClozeExample& example, Rng& rng);
  // The questions it learns and is evaluated on.
  const ClozeCorpus& corpus() const { return corpus_; }
  // Whether the model attends over the document (not the deep LSTM reader).
  bool has_attention() const { return model_->attention() != nullptr; }

 private:
  ClozeCorpus corpus_;
  ReaderOptions options_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<ReaderModel> model_;
  EpochSampler sampler_;
  Tape eval_tape_;
  std::optional<Objective> objective_;
  ReaderViews views_;
};

}  // namespace mann
