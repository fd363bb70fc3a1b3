#pragma once
// The captioner's easy scenes: one or two items on the 2x2 grid whose classes are plain to see (class k is a
// uniform square of brightness (k + 1) / 10), and a short training run on them with the learning rate
// annealed by cosine. Shared by the learning test and the opt-in measurement of hard attention's
// REINFORCE settings.
#include <functional>

#include "framework/train/adam.h"
#include "framework/train/trainer.h"
#include "models/captioning/captioner_learner.h"
#include "tests/support/attention_factories.h"

namespace mann::testing {

// n 28x28 items of classes first, first + 1, ... (mod 10), each a uniform square of its class's brightness.
inline LabelledImages brightness_items(int n, int first) {
  LabelledImages set;
  set.height = set.width = 28;
  for (int i = 0; i < n; ++i) {
    const int label = (first + i) % 10;
    set.pixels.insert(set.pixels.end(), 28 * 28, static_cast<std::uint8_t>(25 * (label + 1)));
    set.labels.push_back(label);
  }
  return set;
}

// Small scenes for quick tests: a 16x16 canvas, one or two items shrunk to 8 pixels on the 2x2 grid, three
// reference captions each.
inline SceneOptions small_grid_scene_options() {
  SceneOptions o;
  o.canvas = 16;
  o.item_side = 8;
  o.min_items = 1;
  o.max_items = 2;
  o.arrangement = SceneArrangement::Grid2x2;
  o.references = 3;
  return o;
}

// A split has as many scenes as items, so the training split holds 2,000 (a handful would be memorised).
inline SceneCaptionData easy_scenes() {
  static const auto splits = std::make_shared<const ImageSplits>(
      ImageSplits{brightness_items(2000, 0),
                  brightness_items(200, 3),
                  brightness_items(200, 7),
                  {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"}});
  return SceneCaptionData(splits, small_grid_scene_options(), 11);
}

// Trains a captioner with soft additive attention (or `attention`, with `adjust` applied to its options) on
// the easy scenes for `steps` and returns the exact match on 256 held-out scenes.
inline double exact_match_after_training(uint64_t seed, int steps,
                                         const AddressingModuleFactory& attention = additive_attention(16),
                                         const std::function<void(CaptionerOptions&)>& adjust = {}) {
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
  if (adjust) adjust(o);
  CaptionerLearner learner(easy_scenes(), o, attention);
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

}  // namespace mann::testing
