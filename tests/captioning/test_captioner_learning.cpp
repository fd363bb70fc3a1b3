// The captioner learns: on scenes of one or two items on the 2x2 grid whose classes are plain to see
// (class k is a square of brightness (k + 1) / 10), 3,000 steps with the learning rate annealed (cosine,
// 0.01 to 0.0005) bring the exact match of 256 held-out scenes to 1.0, 0.988, 0.996, 0.996 for seeds 1-4
// (measured); the test asks >= 0.95 of each of two seeds, issue #21's goal. A constant rate stalls near
// 0.85-0.92 with its late updates unsettling what was learned (measured: 0.92 at 2,000 steps, 0.84 at 3,000).
#include <doctest/doctest.h>

#include <chrono>

#include "framework/addressing/soft_content.h"
#include "framework/train/adam.h"
#include "framework/train/trainer.h"
#include "models/captioning/captioner_learner.h"
#include "tests/support/attention_factories.h"

using namespace mann;

TEST_SUITE_BEGIN("captioning");

namespace {

// n 28x28 items of classes first, first + 1, ... (mod 10), each a uniform square of its class's brightness.
LabelledImages brightness_items(int n, int first) {
  LabelledImages set;
  set.height = set.width = 28;
  for (int i = 0; i < n; ++i) {
    const int label = (first + i) % 10;
    set.pixels.insert(set.pixels.end(), 28 * 28, static_cast<std::uint8_t>(25 * (label + 1)));
    set.labels.push_back(label);
  }
  return set;
}

// A split has as many scenes as items, so the training split holds 2,000 (a handful would be memorised).
SceneCaptionData easy_scenes() {
  static const auto splits = std::make_shared<const ImageSplits>(
      ImageSplits{brightness_items(2000, 0),
                  brightness_items(200, 3),
                  brightness_items(200, 7),
                  {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"}});
  SceneOptions o;
  o.canvas = 16;
  o.item_side = 8;
  o.min_items = 1;
  o.max_items = 2;
  o.arrangement = SceneArrangement::Grid2x2;
  o.references = 3;
  return SceneCaptionData(splits, o, 11);
}

double exact_match_after_training(uint64_t seed, int steps) {
  CaptionerOptions o;
  o.encoder.filters = {8, 8};  // a 4x4 grid of places: one 2x2 block per quadrant
  o.encoder.kernel = 3;
  o.attention_penalty = 0.1f;
  o.embed = 16;
  o.hidden = 48;
  o.batch = 32;
  o.eval_batch = 64;
  o.eval_batches = 4;
  o.max_words = 20;
  o.seed = seed;
  CaptionerLearner learner(easy_scenes(), o, testing::additive_attention(16));
  Adam optimizer{AdamOptions{.learning_rate = 0.01f}};
  CosineSchedule schedule{0.01f, 0.0005f, steps};
  ProgressReporter progress{stderr, 0};
  TrainerOptions options;
  options.steps = steps;
  options.clip_norm = 5;
  options.model_name = "model captioner";
  Trainer trainer(learner, optimizer, schedule, options, progress, {});
  TrainingProgress state;
  Rng rng(seed);
  trainer.run(state, rng);
  const Metrics m = learner.evaluate("valid", rng);
  return m[1].second;  // exact_match
}

}  // namespace

TEST_CASE("the captioner learns easy 2x2 scenes: >= 95% exact match on held-out scenes (two seeds)") {
  const auto start = std::chrono::steady_clock::now();
  for (uint64_t seed : {1, 2}) {
    const double exact = exact_match_after_training(seed, 3000);
    MESSAGE("seed " << seed << ": exact match " << exact);
    CHECK(exact >= 0.95);
  }
  MESSAGE("two seeds in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                          << " s");
}

TEST_SUITE_END();
