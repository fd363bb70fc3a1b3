#pragma once
// Captioned scenes in three splits (train, valid, test): canvases holding several items of one split of
// an image dataset (Fashion-MNIST), each with reference captions from the scene grammar. Nothing is stored:
// example `index` of a split is drawn when asked for, from a generator seeded with (seed, split, index)
// (framework/train/generated_example.h), so it is the same on every call, in every process and in a resumed
// run. A scene of the train split only shows train items, of valid only valid items, of test only test
// items.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "datasets/image/image_classification_data.h"
#include "datasets/scenes/caption_batch.h"
#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/caption_vocabulary.h"
#include "datasets/scenes/scene_layout.h"
#include "datasets/scenes/scene_options.h"
#include "framework/util/rng.h"

namespace mann {

// Everything drawn for one example.
struct SceneExample {
  Scene scene;                           // the items and where they are
  std::vector<CaptionWords> references;  // options.references distinct captions, the canonical one first
  int teacher = 0;                       // the reference batches teach (0 unless TeacherCaption::Any)
};

class SceneCaptionData {
 public:
  // Scenes of `options` from `splits` (shared with other datasets of the same items). Throws UserError when
  // a split is empty, the items are not square or differ in size between splits, or the options do not fit
  // them (check_scene_options).
  SceneCaptionData(std::shared_ptr<const ImageSplits> splits, SceneOptions options, std::uint64_t seed);

  // The canvas side.
  int height() const { return options_.canvas; }
  // The canvas side.
  int width() const { return options_.canvas; }
  // 1: greyscale.
  int channels() const { return 1; }
  // Columns of a batch's pixel matrix: channels * height * width.
  int pixels_per_example() const { return channels() * height() * width(); }
  // How scenes are composed.
  const SceneOptions& options() const { return options_; }
  // The seed of every scene (not the experiment's: runs of all seeds see the same scenes).
  std::uint64_t seed() const { return seed_; }
  // The items of all splits and the class names.
  const std::shared_ptr<const ImageSplits>& splits() const { return splits_; }
  // The caption tokens (scene_caption_vocabulary()).
  const CaptionVocabulary& vocabulary() const { return scene_caption_vocabulary(); }

  // The items of "train", "valid" or "test" (UserError for another name).
  const LabelledImages& items(const std::string& split) const;
  // Scenes in one epoch of a split: as many as it has items (any index >= 0 is a scene, though).
  int size(const std::string& split) const { return items(split).size(); }

  // Example `index` (>= 0) of a split: its scene, references and teacher choice.
  SceneExample example(const std::string& split, std::int64_t index) const;
  // Paints the scene of example `index` into `out` (pixels_per_example() floats, layout of ImageBatch).
  void render(const std::string& split, std::int64_t index, float* out) const;

  // The examples `indices` of a split, row b showing indices[b].
  CaptionBatch batch(const std::string& split, const std::vector<std::int64_t>& indices) const;
  // batch_size examples with indices drawn uniformly from [0, size(split)) by `rng`.
  CaptionBatch random_batch(const std::string& split, int batch_size, Rng& rng) const;

 private:
  std::shared_ptr<const ImageSplits> splits_;
  SceneOptions options_;
  std::uint64_t seed_;
};

}  // namespace mann
