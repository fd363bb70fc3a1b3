// The image learner with the recurrent attention model on the corner_square toy (experiments/ram/
// corner.yaml): it learns the task, every glimpse attention trains with its REINFORCE term settled, a run
// directory's checkpoint evaluates, and the attention view draws the glimpses.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <regex>

#include "models/image/image_learner.h"
#include "models/ram/ram_model.h"
#include "tests/tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("ram");

namespace {

const std::string kCorner = std::string(MANN_SOURCE_DIR) + "/experiments/ram/corner.yaml";

// The value printed after `name` in `mann eval`'s listing ("  accuracy   0.987"), or -1.
double eval_metric(const std::string& output, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(output, m, std::regex("\\n\\s*" + name + "\\s+([-+0-9.eE]+)"))) return -1;
  return std::stod(m[1].str());
}

// Trains the corner experiment with `sets` into `run` and returns its test accuracy (-1 on failure).
double trained_test_accuracy(const std::string& run, const std::string& sets) {
  const auto trained = run_mann("train " + kCorner + " --out " + run + " " + sets);
  if (trained.exit_code != 0) {
    MESSAGE(trained.output);
    return -1;
  }
  const auto evaluated = run_mann("eval " + run + " --split test");
  if (evaluated.exit_code != 0) MESSAGE(evaluated.output);
  return eval_metric(evaluated.output, "accuracy");
}

}  // namespace

TEST_CASE("ram learns the corner task to >= 95% test accuracy for most seeds") {
  TempDir dir("ram-corner");
  int solved = 0;
  for (int seed = 1; seed <= 5; ++seed) {
    const double accuracy =
        trained_test_accuracy(dir.path("run" + std::to_string(seed)), "--set seed=" + std::to_string(seed));
    MESSAGE("seed " << seed << ": test accuracy " << accuracy);
    solved += accuracy >= 0.95 ? 1 : 0;
  }
  CHECK(solved >= 4);
}

TEST_CASE("every glimpse attention trains a few steps with its REINFORCE term settled") {
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"gaussian", "cells"}, {"hard", "cells"},  {"gumbel", "cells"}, {"soft", "cells"},
      {"hard", "axes"},      {"gumbel", "axes"}, {"soft", "axes"}};
  for (const auto& [attention, keys] : variants) {
    CAPTURE(attention);
    CAPTURE(keys);
    mann::Experiment e = mann::build_experiment(mann::load_and_validate(
        kCorner,
        {"model.attention=" + attention, "model.grid=3", "model.grid_keys=" + keys, "train.batch=8"}));
    mann::Learner& learner = *e.learner;
    const bool reinforced = attention == "gaussian" || attention == "hard";
    const auto names = learner.train_metric_names();
    CHECK((std::find(names.begin(), names.end(), "policy_entropy") != names.end()) == reinforced);
    mann::Rng rng(3);
    for (int step = 0; step < 5; ++step) {
      mann::Tape tape;
      mann::Metrics metrics;
      e.learner->parameters().zero_grad();
      const mann::Var loss = learner.training_step(tape, step, rng, metrics);
      CHECK(tape.owed_loss_terms().empty());
      CHECK(metrics.size() == names.size());
      CHECK(std::isfinite(loss.item()));
      tape.backward(loss);
    }
    mann::Rng eval_rng(4);
    const mann::Metrics eval = learner.evaluate("valid", eval_rng);
    CHECK(eval.front().first == "error");
  }
}

TEST_CASE("grid_keys axes: the grid weights are a product of a column and a row distribution") {
  mann::Experiment e = mann::build_experiment(mann::load_and_validate(
      kCorner, {"model.attention=soft", "model.grid=3", "model.grid_keys=axes", "train.batch=4"}));
  auto& learner = dynamic_cast<mann::ImageLearner&>(*e.learner);
  auto& ram = dynamic_cast<mann::RamModel&>(learner.model());
  mann::Rng rng(5);
  const mann::Matrix pixels = rng.uniform_matrix(4, learner.image_shape().size(), 0.f, 1.f);
  mann::Tape tape;
  mann::AddressingContext ctx{.training = false, .rng = &rng};
  mann::GlimpsePath path;
  ram.forward(tape, tape.constant(pixels), ctx, &path);
  REQUIRE(!path.grid_weights.empty());
  for (const mann::Matrix& w : path.grid_weights)
    for (mann::Index b = 0; b < w.rows(); ++b) {
      // w(y, x) = p(x) q(y): every 2x2 minor of the 3x3 grid of weights vanishes
      const auto at = [&](int y, int x) { return w(b, y * 3 + x); };
      for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x)
          CHECK(at(y, x) * at(y + 1, x + 1) == doctest::Approx(at(y, x + 1) * at(y + 1, x)).epsilon(1e-4));
      CHECK(w.row(b).sum() == doctest::Approx(1.0));
    }
}

TEST_CASE("ram: a run directory's checkpoint evaluates, Monte Carlo too, and the view draws its glimpses") {
  TempDir dir("ram-run");
  const std::string run = dir.path("run");
  CHECK(trained_test_accuracy(run, "--set seed=2") >= 0.9);
  const auto sampled = run_mann("eval " + run + " --split test --set model.eval_samples=4");
  CHECK_MESSAGE(sampled.exit_code == 0, sampled.output);
  CHECK(eval_metric(sampled.output, "accuracy") >= 0.9);

  const std::string picture = dir.path("glimpses.svg");
  const auto drawn = run_mann("attention " + run + " --example 3 --out " + picture);
  CHECK_MESSAGE(drawn.exit_code == 0, drawn.output);
  CHECK(std::filesystem::file_size(picture) > 0);

  mann::Experiment e = mann::build_experiment(mann::load_and_validate(kCorner, {}));
  const mann::AttentionView view = e.learner->views()->attention_view("test", 3);
  REQUIRE(view.image.has_value());
  CHECK(view.image->marks.size() == 3 * 3);  // glimpses x scales
  // each glimpse's smallest box carries its step number, the other scales none
  CHECK(view.image->marks[0].label == "1");
  CHECK(view.image->marks[1].label.empty());
  CHECK(view.image->marks[3 * 2].label == "3");
  CHECK(view.panels.front().values.rows() == 3);
  mann::Rng rng(1);
  const auto maps = e.learner->views()->attention_maps(rng);
  CHECK(maps.at("locations").rows() == 3);
  CHECK(maps.at("label_prediction").cols() == 2);
}

TEST_CASE("the whole-image baselines train on the corner task") {
  for (const std::string model : {"mlp", "convnet", "convnet2"}) {
    CAPTURE(model);
    mann::Experiment e =
        mann::build_experiment(mann::load_and_validate(kCorner, {"model={type: " + model + "}"}));
    CHECK(e.learner->train_metric_names() == std::vector<std::string>{"loss", "accuracy"});
    CHECK(e.learner->views() == nullptr);
    mann::Rng rng(1);
    mann::Tape tape;
    mann::Metrics metrics;
    tape.backward(e.learner->training_step(tape, 0, rng, metrics));
    CHECK(metrics.size() == 2);
  }
}

TEST_SUITE_END();
