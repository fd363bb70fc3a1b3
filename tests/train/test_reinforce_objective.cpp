// The REINFORCE term cannot be forgotten (issue 18): a learner whose hard module ran in the forward pass
// but whose loss lacks the term stops on its first step, naming the module; with add_reinforce_term() it
// trains and reports the policy metrics.
#include <doctest/doctest.h>

#include <stdexcept>

#include "framework/addressing/hard_attention.h"
#include "framework/autodiff/ops.h"
#include "framework/train/reinforce_objective.h"
#include "framework/train/sgd.h"
#include "framework/train/trainer.h"

using namespace mann;

TEST_SUITE_BEGIN("train");

namespace {

constexpr Index kBatch = 4, kSlots = 3, kWidth = 2;

// Reads one of three memory slots chosen by hard attention and regresses the read onto a target.
class HardReader : public Learner {
 public:
  enum class Objective { WithReinforce, WithoutTerm, WithoutPolicyLog };

  explicit HardReader(Objective objective)
      : objective_(objective),
        memory_(params_.add("model/memory", Rng(1).uniform_matrix(kBatch * kSlots, kWidth, -1.f, 1.f))),
        query_(params_.add("model/query", Rng(2).uniform_matrix(kBatch, kWidth, -1.f, 1.f))),
        hard_(params_.scope("model/hard"), {kWidth, kWidth, kSlots}, init_rng_) {}

  ParameterCollection& parameters() override { return params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override {
    PolicyLog policy;
    AddressingContext ctx{.training = true,
                          .rng = &rng,
                          .step = step,
                          .policy = objective_ == Objective::WithoutPolicyLog ? nullptr : &policy};
    Var memory = tape.param(memory_);
    Var read =
        memory_read(hard_.address(tape, memory, nullptr, tape.param(query_), Var{}, ctx, "read"), memory);
    Var loss = mse(read, Matrix::Ones(kBatch, kWidth));
    metrics = {{"loss", loss.item()}};
    if (objective_ != Objective::WithReinforce) return loss;
    const Matrix rewards = -(read.value().array() - 1.f).square().rowwise().sum().matrix();
    return add_reinforce_term(tape, loss, policy, rewards, 0.f, metrics);
  }
  Metrics evaluate(const std::string&, Rng&) override { return {{"loss", 0.0}}; }
  std::vector<std::string> train_metric_names() const override {
    return with_reinforce_metric_names({"loss"}, objective_ == Objective::WithReinforce);
  }
  std::vector<std::string> eval_metric_names() const override { return {"loss"}; }
  int64_t examples_per_step() const override { return kBatch; }

 private:
  Objective objective_;
  ParameterCollection params_;
  Rng init_rng_{3};
  Parameter& memory_;
  Parameter& query_;
  HardAttention hard_;
};

// Trains `learner` for a few steps; returns the history.
MetricsTable train(HardReader& learner) {
  SGD optimizer{SGDOptions{0.1f}};
  ConstantSchedule schedule{0.1f};
  ProgressReporter progress{stderr, 0};
  TrainerOptions options;
  options.steps = 5;
  options.model_name = "model hard_reader";
  Trainer trainer(learner, optimizer, schedule, options, progress, {});
  TrainingProgress state;
  Rng rng(4);
  trainer.run(state, rng);
  return state.history;
}

}  // namespace

TEST_CASE("a hard module whose REINFORCE term the loss lacks stops training, naming the module") {
  for (HardReader::Objective objective :
       {HardReader::Objective::WithoutTerm, HardReader::Objective::WithoutPolicyLog}) {
    HardReader learner(objective);
    CHECK_THROWS_WITH_AS(train(learner),
                         doctest::Contains("model hard_reader: step 1: hard module `model/hard:read` made "
                                           "choices in the forward pass but the loss has no REINFORCE term"),
                         std::logic_error);
  }
}

TEST_CASE("add_reinforce_term settles the term and reports the policy metrics") {
  HardReader learner(HardReader::Objective::WithReinforce);
  const MetricsTable history = train(learner);
  REQUIRE(history.column_index("policy_entropy") >= 0);
  CHECK(history.column("policy_entropy").back() > 0.0);
  CHECK(history.column_index("mean_reward") >= 0);
  CHECK(history.column_index("grad_variance") >= 0);
}

TEST_CASE("the tape's owed loss terms: settled by module name, forgotten on clear") {
  Tape tape;
  tape.owe_loss_term("a");
  tape.owe_loss_term("b");
  tape.owe_loss_term("a");
  tape.settle_loss_term("a");
  CHECK(tape.owed_loss_terms() == std::vector<std::string>{"b"});
  tape.clear();
  CHECK(tape.owed_loss_terms().empty());
}

TEST_SUITE_END();
