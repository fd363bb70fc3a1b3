#include "datasets/image/image_classification_data.h"

#include "framework/autodiff/errors.h"
#include "framework/train/generated_example.h"

namespace mann {

ImageClassificationData::ImageClassificationData(std::shared_ptr<const ImageSplits> splits,
                                                 CanvasVariant variant, std::uint64_t seed)
    : splits_(std::move(splits)), variant_(variant), seed_(seed) {
  if (!splits_) throw UserError("an image dataset needs its items");
  if (splits_->class_names.empty()) throw UserError("an image dataset needs at least one class");
  const LabelledImages& train = splits_->train;
  for (const char* split : {"train", "valid", "test"}) {
    const LabelledImages& set = items(split);
    if (set.size() == 0) throw UserError(std::string("the ") + split + " split of an image dataset is empty");
    if (set.height != train.height || set.width != train.width)
      throw UserError(std::string("the ") + split + " images are " + std::to_string(set.height) + "x" +
                      std::to_string(set.width) + ", the training images " + std::to_string(train.height) +
                      "x" + std::to_string(train.width));
  }
  check_canvas_variant(variant_, train.height, train.width);
}

const LabelledImages& ImageClassificationData::items(const std::string& split) const {
  if (split == "train") return splits_->train;
  if (split == "valid") return splits_->valid;
  if (split == "test") return splits_->test;
  throw UserError("image datasets have the splits train, valid and test, not `" + split + "`");
}

CanvasLayout ImageClassificationData::layout(const std::string& split, std::int64_t index) const {
  const LabelledImages& set = items(split);
  Rng rng = generated_example_rng(seed_, split, index);  // also refuses a negative index
  const int item = static_cast<int>(index % set.size());
  return plan_canvas(variant_, set.height, set.width, set.size(), item, rng);
}

int ImageClassificationData::label(const std::string& split, std::int64_t index) const {
  const LabelledImages& set = items(split);
  if (index < 0) throw UserError("example index " + std::to_string(index) + " is negative");
  return set.labels[static_cast<std::size_t>(index % set.size())];
}

void ImageClassificationData::render(const std::string& split, std::int64_t index, float* out) const {
  paint_canvas(layout(split, index), variant_, items(split), out);
}

ImageBatch ImageClassificationData::batch(const std::string& split,
                                          const std::vector<std::int64_t>& indices) const {
  ImageBatch batch;
  batch.height = height();
  batch.width = width();
  batch.channels = channels();
  batch.pixels.resize(static_cast<Index>(indices.size()), pixels_per_example());
  batch.labels.reserve(indices.size());
  for (std::size_t b = 0; b < indices.size(); ++b) {
    render(split, indices[b], batch.pixels.row(static_cast<Index>(b)).data());  // rows are contiguous
    batch.labels.push_back(label(split, indices[b]));
  }
  return batch;
}

ImageBatch ImageClassificationData::random_batch(const std::string& split, int batch_size, Rng& rng) const {
  const int n = size(split);
  std::vector<std::int64_t> indices(static_cast<std::size_t>(std::max(batch_size, 0)));
  for (std::int64_t& i : indices) i = rng.uniform_int(n);
  return batch(split, indices);
}

}  // namespace mann
