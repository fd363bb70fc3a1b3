#pragma once
// Labelled images in three splits (train, valid, test), shown to models on the canvases of one variant
// (datasets/image/canvas_variant.h). Canvases are not stored: example `index` of a split is painted when
// asked for, from a generator seeded with (seed, split, index), so it is the same on every call, in every
// process and in a resumed run, and a batch costs only its own painting.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "datasets/image/canvas_layout.h"
#include "datasets/image/canvas_variant.h"
#include "datasets/image/image_batch.h"
#include "datasets/image/labelled_images.h"
#include "framework/util/rng.h"

namespace mann {

// The items of a dataset's three splits and the names of its classes.
struct ImageSplits {
  LabelledImages train, valid, test;
  std::vector<std::string> class_names;  // by label
};

class ImageClassificationData {
 public:
  // Shows `splits` (shared, so several variants of one dataset hold its items once) on canvases of
  // `variant`. Throws UserError when a split is empty, the splits' image sizes differ, there are no class
  // names, or the variant does not fit the images (check_canvas_variant).
  ImageClassificationData(std::shared_ptr<const ImageSplits> splits, CanvasVariant variant,
                          std::uint64_t seed);

  // The canvas side: height() == width() == variant().canvas.
  int height() const { return variant_.canvas; }
  // The canvas side.
  int width() const { return variant_.canvas; }
  // 1: the images are greyscale.
  int channels() const { return 1; }
  // Columns of a batch's pixel matrix: channels * height * width.
  int pixels_per_example() const { return channels() * height() * width(); }
  // Number of classes; labels are 0..num_classes() - 1.
  int num_classes() const { return static_cast<int>(splits_->class_names.size()); }
  // Name of each class, by label.
  const std::vector<std::string>& class_names() const { return splits_->class_names; }
  // The items of all splits, shareable with another variant of the same data.
  const std::shared_ptr<const ImageSplits>& splits() const { return splits_; }
  // How items are placed on canvases.
  const CanvasVariant& variant() const { return variant_; }
  // The seed of every placement (not the experiment's seed, so runs of all seeds see the same canvases).
  std::uint64_t seed() const { return seed_; }

  // The items of "train", "valid" or "test" (UserError for another name).
  const LabelledImages& items(const std::string& split) const;
  // Number of items of a split: one pass over them is an epoch.
  int size(const std::string& split) const { return items(split).size(); }

  // Example `index` (>= 0) of a split shows item index % size(split), placed by a generator seeded with
  // (seed, split, index). Indices below size(split) are the split's fixed examples; a learner that wants
  // new placements of the same items in a later epoch e asks for e * size(split) + i.
  CanvasLayout layout(const std::string& split, std::int64_t index) const;
  // The class of example `index` of a split.
  int label(const std::string& split, std::int64_t index) const;
  // Paints example `index` of a split into `out` (pixels_per_example() floats, layout of ImageBatch).
  void render(const std::string& split, std::int64_t index, float* out) const;

  // The examples `indices` of a split, row b showing indices[b].
  ImageBatch batch(const std::string& split, const std::vector<std::int64_t>& indices) const;
  // batch_size examples of a split with indices drawn uniformly from [0, size(split)) by `rng`.
  ImageBatch random_batch(const std::string& split, int batch_size, Rng& rng) const;

 private:
  std::shared_ptr<const ImageSplits> splits_;
  CanvasVariant variant_;
  std::uint64_t seed_;
};

}  // namespace mann
