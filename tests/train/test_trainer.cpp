// The training loop with a scripted learner: reports, evaluations, best tracking, checkpoint requests and
// the NaN/Inf guard.
#include <doctest/doctest.h>

#include <cmath>

#include "framework/autodiff/ops.h"
#include "framework/train/sgd.h"
#include "framework/train/trainer.h"

using namespace mann;

namespace {

// Minimises (w - 3)^2; can be told to produce a NaN loss or gradient at a given step.
class ScriptedLearner : public Learner {
 public:
  ScriptedLearner() : w_(params_.add("model/w", Matrix::Zero(1, 1))) {}
  ParameterCollection& parameters() override { return params_; }
  Var training_step(Tape& tape, int64_t step, Rng&, Metrics& metrics) override {
    Var w = tape.param(w_);
    Var loss = square(w - 3.f);
    if (step == nan_loss_at) loss = loss * std::nanf("");
    // sqrt at 0 has a finite value and an infinite slope: a finite loss with a NaN gradient
    if (step == nan_grad_at) loss = loss + sqrt(square(w) * 0.f);
    metrics = {{step == misnamed_metric_at ? "los" : "loss", loss.item()}};
    return loss;
  }
  Metrics evaluate(const std::string&, Rng&) override {
    ++evaluations;
    Metrics metrics{{"distance", std::abs(w_.value(0, 0) - 3.0)}};
    if (extra_eval_metric) metrics.emplace_back("extra", 0.0);
    return metrics;
  }
  std::vector<std::string> train_metric_names() const override { return {"loss"}; }
  std::vector<std::string> eval_metric_names() const override { return {"distance"}; }
  DataPlan data_plan() const override { return {.examples_per_step = 2}; }

  int64_t nan_loss_at = -1, nan_grad_at = -1;
  int64_t misnamed_metric_at = -1;  // the step whose training metric comes back under a wrong name
  bool extra_eval_metric = false;   // evaluate() returns a metric it did not declare
  int evaluations = 0;

 private:
  ParameterCollection params_;
  Parameter& w_;
};

struct Run {
  ScriptedLearner learner;
  SGD optimizer{SGDOptions{0.1f}};
  ConstantSchedule schedule{0.1f};
  ProgressReporter progress{stderr, 0};
  std::vector<std::pair<int64_t, bool>> checkpoints;
  int rows = 0;

  // Trains from `state` (a fresh run by default); stop_after > 0 asks the trainer to stop after that step.
  TrainingProgress train(TrainerOptions options, TrainingProgress state = {}, int64_t stop_after = 0) {
    Trainer::Hooks hooks;
    hooks.on_row = [&](const MetricsTable&) { ++rows; };
    hooks.on_checkpoint = [&](const TrainingProgress& p, bool best, bool) {
      checkpoints.emplace_back(p.step, best);
    };
    int64_t steps_done = state.step;
    if (stop_after > 0) hooks.stop_requested = [&] { return ++steps_done >= stop_after; };
    Trainer trainer(learner, optimizer, schedule, options, progress, hooks);
    Rng rng(1);
    finished = trainer.run(state, rng);
    return state;
  }
  bool finished = false;
};

}  // namespace

TEST_CASE("the trainer reports, evaluates, tracks the best metric and asks for checkpoints") {
  Run run;
  TrainerOptions options;
  options.steps = 40;
  options.log_every = 10;
  options.eval_every = 20;
  options.checkpoint_every = 20;
  const TrainingProgress p = run.train(options);
  CHECK(p.step == 40);
  CHECK(p.examples_seen == 80);
  CHECK(run.rows == 4);
  CHECK(run.learner.evaluations == 2);
  CHECK(p.best_step == 40);  // the distance to the optimum keeps falling
  CHECK(p.best_metric_name == "valid_distance");
  CHECK(run.learner.parameters().at("model/w").value(0, 0) == doctest::Approx(3.f).epsilon(1e-3));
  const std::vector<std::pair<int64_t, bool>> expected = {{20, false}, {20, true}, {40, false}, {40, true}};
  CHECK(run.checkpoints == expected);
  CHECK(p.history.columns.front() == "step");
  CHECK(p.history.column("loss").size() == 4);
}

TEST_CASE("a NaN loss stops training, naming the step, before any update or checkpoint of it") {
  Run run;
  run.learner.nan_loss_at = 12;  // the 13th step
  TrainerOptions options;
  options.steps = 40;
  options.checkpoint_every = 5;
  // The loss is NaN because of w (0 * NaN): the message names it.
  CHECK_THROWS_WITH_AS(run.train(options),
                       doctest::Contains("step 13: the loss is NaN; the first parameter with a NaN or Inf "
                                         "gradient is `model/w`"),
                       TrainingDiverged);
  CHECK(run.checkpoints.back().first == 10);
  CHECK(std::isfinite(run.learner.parameters().at("model/w").value(0, 0)));  // the bad step did not update
}

TEST_CASE(
    "a stop request ends the run after the current step with a checkpoint of it; continuing gives "
    "the same parameters") {
  TrainerOptions options;
  options.steps = 40;
  options.checkpoint_every = 20;
  Run whole;
  whole.train(options);
  CHECK(whole.finished);

  Run stopped;
  const TrainingProgress at = stopped.train(options, {}, 7);
  CHECK_FALSE(stopped.finished);
  CHECK(at.step == 7);
  CHECK(stopped.checkpoints.back() == std::pair<int64_t, bool>{7, false});
  stopped.train(options, at);  // the same learner and optimizer: what a resume restores
  CHECK(stopped.finished);
  CHECK(stopped.learner.parameters().at("model/w").value(0, 0) ==
        whole.learner.parameters().at("model/w").value(0, 0));
}

TEST_CASE("a NaN gradient stops training, naming the parameter") {
  Run run;
  run.learner.nan_grad_at = 2;
  TrainerOptions options;
  options.steps = 10;
  CHECK_THROWS_WITH_AS(run.train(options), doctest::Contains("step 3: the gradient of parameter `model/w`"),
                       TrainingDiverged);
}

TEST_CASE("metrics returned under other names than the learner declares stop the run, naming the model") {
  TrainerOptions options;
  options.steps = 10;
  options.model_name = "model scripted";
  Run misnamed;
  misnamed.learner.misnamed_metric_at = 3;
  CHECK_THROWS_WITH_AS(misnamed.train(options),
                       doctest::Contains("model scripted: training_step returned the metrics [los] but the "
                                         "model declares [loss]"),
                       std::logic_error);
  Run extra;
  extra.learner.extra_eval_metric = true;
  CHECK_THROWS_WITH_AS(
      extra.train(options),
      doctest::Contains("model scripted: evaluate returned the metrics [distance, extra] but "
                        "the model declares [distance] (they differ at position 2)"),
      std::logic_error);
}
