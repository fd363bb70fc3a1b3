// A small attentive reader learns a tiny cloze set (short generated stories) within the suite's time budget,
// on several seeds with margin over chance; its attention view marks the answer and names the prediction.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "datasets/reading/story_generator.h"
#include "framework/addressing/hard_attention.h"
#include "framework/addressing/soft_content.h"
#include "framework/train/adam.h"
#include "framework/train/clipping.h"
#include "framework/views/attention_views.h"
#include "models/readers/reader_learner.h"
#include "tests/support/attention_factories.h"
#include "tools/cli_support.h"

using namespace mann;

TEST_SUITE_BEGIN("readers");

namespace {

// Stories of 2..3 facts, no filler: about 3 to 6 candidate entities per question.
ClozeCorpus tiny_stories() {
  const StoryGeneratorOptions o{.min_facts = 2, .max_facts = 3, .filler_rate = 0.f};
  Rng rng(17);
  const auto draw = [&](int n) {
    std::vector<ClozeText> out;
    for (int i = 0; i < n; ++i) out.push_back(generate_story_cloze(o, rng));
    return out;
  };
  std::vector<ClozeText> train = draw(1000), valid = draw(10), test = draw(200);
  return build_cloze_corpus(train, valid, test);
}

double train_and_test(uint64_t seed, int steps, std::unique_ptr<ReaderLearner>* keep = nullptr) {
  ReaderOptions o;
  o.reader = ReaderKind::Attentive;
  o.embed = 16;
  o.hidden = 16;
  o.batch = 32;
  o.eval_batch = 100;
  o.seed = seed;
  auto learner = std::make_unique<ReaderLearner>(tiny_stories(), o, testing::additive_attention());
  Adam adam({.learning_rate = 0.01f});
  Rng rng(seed + 100);
  Tape tape;
  const std::vector<Parameter*> params = learner->parameters().parameters();
  for (int step = 0; step < steps; ++step) {
    tape.clear();
    learner->parameters().zero_grad();
    Metrics metrics;
    tape.backward(learner->training_step(tape, step, rng, metrics));
    clip_grad_norm(params, 5.0);
    adam.step(params);
  }
  Rng eval(1);
  const double accuracy = learner->evaluate("test", eval)[1].second;
  if (keep) *keep = std::move(learner);
  return accuracy;
}

}  // namespace

TEST_CASE("an attentive reader learns a tiny cloze set far above chance on three seeds") {
  set_threads(1);
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<ReaderLearner> learner;
  for (uint64_t seed : {1, 2, 3}) {
    const double accuracy = train_and_test(seed, 300, seed == 1 ? &learner : nullptr);
    MESSAGE("seed " << seed << ": test accuracy " << accuracy);
    CHECK(accuracy >= 0.9);  // chance is about 1/4 (one of the story's entities)
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("three readers trained in " << seconds << " s");

  const AttentionView view = learner->views()->attention_view("test", 0);
  REQUIRE(view.panels.size() == 1);
  const ClozeExample& e = learner->corpus().test[0];
  CHECK(view.panels[0].values.cols() == static_cast<Index>(e.document.size()));
  CHECK(std::count(view.panels[0].col_labels.begin(), view.panels[0].col_labels.end(),
                   "[" + e.text.answer + "]") >= 1);
  CHECK(view.title.find("(predicted: @entity") != std::string::npos);
}

TEST_CASE("hard attention swaps into the impatient reader: its REINFORCE term is paid on every step") {
  const AddressingModuleFactory hard = [](const ParamScope& scope, AddressingShape shape,
                                          Rng& rng) -> std::unique_ptr<AddressingModule> {
    HardOptions o;
    o.scorer.score = ContentScore::Additive;
    return std::make_unique<HardAttention>(scope, shape, rng, o);
  };
  ReaderOptions o;
  o.reader = ReaderKind::Impatient;
  o.embed = 8;
  o.hidden = 8;
  o.batch = 8;
  ReaderLearner learner(tiny_stories(), o, hard);
  const std::vector<std::string> names = learner.train_metric_names();
  CHECK(std::find(names.begin(), names.end(), "policy_entropy") != names.end());
  Rng rng(3);
  Tape tape;
  Metrics metrics;
  const Var loss = learner.training_step(tape, 0, rng, metrics);
  CHECK(tape.owed_loss_terms().empty());
  CHECK(std::isfinite(loss.item()));
  CHECK(metrics.size() == names.size());
}

TEST_SUITE_END();
