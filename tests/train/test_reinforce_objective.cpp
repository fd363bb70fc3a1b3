// The REINFORCE term cannot be forgotten (issue 18): a learner whose hard module ran in the forward pass
// but whose loss lacks the term stops on its first step, naming the module; with an Objective it trains and
// reports the policy metrics, and an objective given other metrics than it declared refuses them.
#include <doctest/doctest.h>

#include <stdexcept>

#include "framework/addressing/hard_attention.h"
#include "framework/autodiff/ops.h"
#include "framework/train/objective.h"
#include "framework/train/sgd.h"
#include "framework/train/trainer.h"

using namespace mann;

TEST_SUITE_BEGIN("train");

namespace {

constexpr Index kBatch = 4, kSlots = 3, kWidth = 2;

// Reads one of three memory slots chosen by hard attention and regresses the read onto a target.
class HardReader : public Learner {
 public:
  enum class Wiring { WithObjective, WithoutTerm, WithoutPolicyLog };

  explicit HardReader(Wiring wiring)
      : wiring_(wiring),
        memory_(params_.add("model/memory", Rng(1).uniform_matrix(kBatch * kSlots, kWidth, -1.f, 1.f))),
        query_(params_.add("model/query", Rng(2).uniform_matrix(kBatch, kWidth, -1.f, 1.f))),
        hard_(params_.scope("model/hard"), {kWidth, kWidth, kSlots}, init_rng_) {}

  ParameterCollection& parameters() override { return params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override {
    PolicyLog policy;
    AddressingContext ctx{.training = true,
                          .rng = &rng,
                          .step = step,
                          .policy = wiring_ == Wiring::WithoutPolicyLog ? nullptr : &policy};
    Var memory = tape.param(memory_);
    Var read =
        memory_read(hard_.address(tape, memory, nullptr, tape.param(query_), Var{}, ctx, "read"), memory);
    Var loss = mse(read, Matrix::Ones(kBatch, kWidth));
    if (wiring_ != Wiring::WithObjective) {
      metrics = {{"loss", loss.item()}};
      return loss;
    }
    return objective_.loss(
        tape, loss, {{"loss", loss.item()}}, policy,
        [&] { return Matrix(-(read.value().array() - 1.f).square().rowwise().sum().matrix()); }, metrics);
  }
  Metrics evaluate(const std::string&, Rng&) override { return {{"loss", 0.0}}; }
  std::vector<std::string> train_metric_names() const override {
    return wiring_ == Wiring::WithObjective ? objective_.metric_names() : std::vector<std::string>{"loss"};
  }
  std::vector<std::string> eval_metric_names() const override { return {"loss"}; }
  DataPlan data_plan() const override { return {.examples_per_step = kBatch}; }

 private:
  Wiring wiring_;
  Objective objective_{{"loss"}, /*has_hard_modules=*/true, /*entropy_weight=*/0.f};
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
  for (HardReader::Wiring wiring : {HardReader::Wiring::WithoutTerm, HardReader::Wiring::WithoutPolicyLog}) {
    HardReader learner(wiring);
    CHECK_THROWS_WITH_AS(train(learner),
                         doctest::Contains("model hard_reader: step 1: hard module `model/hard:read` made "
                                           "choices in the forward pass but the loss has no REINFORCE term"),
                         std::logic_error);
  }
}

TEST_CASE("an Objective settles the term and reports the policy metrics") {
  HardReader learner(HardReader::Wiring::WithObjective);
  const MetricsTable history = train(learner);
  REQUIRE(history.column_index("policy_entropy") >= 0);
  CHECK(history.column("policy_entropy").back() > 0.0);
  CHECK(history.column_index("mean_reward") >= 0);
  CHECK(history.column_index("grad_variance") >= 0);
}

TEST_CASE("an Objective names its metrics once and refuses a step that reports others") {
  const Objective soft({"loss", "accuracy"}, false, 0.f);
  CHECK(soft.metric_names() == std::vector<std::string>{"loss", "accuracy"});
  const Objective hard({"loss", "accuracy"}, true, 0.01f);
  CHECK(hard.metric_names() ==
        std::vector<std::string>{"loss", "accuracy", "policy_entropy", "mean_reward", "grad_variance"});
  Tape tape;
  Var loss = tape.constant(Matrix::Constant(1, 1, 2.f));
  PolicyLog policy;
  Metrics metrics;
  bool rewards_asked = false;
  const auto rewards = [&] {
    rewards_asked = true;
    return Matrix(Matrix::Ones(1, 1));
  };
  // Without hard modules the loss is the task loss itself and no reward is computed.
  CHECK(soft.loss(tape, loss, {{"loss", 2.0}, {"accuracy", 0.5}}, policy, rewards, metrics).id == loss.id);
  CHECK_FALSE(rewards_asked);
  CHECK(metrics.size() == 2);
  // The metrics in another order, or missing one, would mislabel the metrics.csv columns.
  CHECK_THROWS_WITH_AS(soft.loss(tape, loss, {{"accuracy", 0.5}, {"loss", 2.0}}, policy, rewards, metrics),
                       doctest::Contains("reports metrics (accuracy, loss) but declared (loss, accuracy)"),
                       std::logic_error);
  CHECK_THROWS_AS(soft.loss(tape, loss, {{"loss", 2.0}}, policy, rewards, metrics), std::logic_error);
  // With hard modules an empty policy (no hard module ran) still reports the policy's metrics.
  hard.loss(tape, loss, {{"loss", 2.0}, {"accuracy", 0.5}}, policy, rewards, metrics);
  CHECK(rewards_asked);
  REQUIRE(metrics.size() == 5);
  CHECK(metrics[2].first == "policy_entropy");
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
