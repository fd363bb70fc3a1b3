#include "datasets/scenes/scene_caption_data.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "framework/train/generated_example.h"

namespace mann {

SceneCaptionData::SceneCaptionData(std::shared_ptr<const ImageSplits> splits, SceneOptions options,
                                   std::uint64_t seed)
    : splits_(std::move(splits)), options_(options), seed_(seed) {
  if (!splits_) throw UserError("a scene dataset needs its items");
  const LabelledImages& train = splits_->train;
  for (const char* split : {"train", "valid", "test"}) {
    const LabelledImages& set = items(split);
    if (set.size() == 0) throw UserError(std::string("the ") + split + " split of a scene dataset is empty");
    if (set.height != set.width || set.height != train.height)
      throw UserError(std::string("the ") + split + " items are " + std::to_string(set.height) + "x" +
                      std::to_string(set.width) + "; scenes need square items of one size");
  }
  check_scene_options(options_, train.width);
}

const LabelledImages& SceneCaptionData::items(const std::string& split) const {
  if (split == "train") return splits_->train;
  if (split == "valid") return splits_->valid;
  if (split == "test") return splits_->test;
  throw UserError("scene datasets have the splits train, valid and test, not `" + split + "`");
}

SceneExample SceneCaptionData::example(const std::string& split, std::int64_t index) const {
  const LabelledImages& set = items(split);
  Rng rng = generated_example_rng(seed_, split, index);  // also refuses a negative index
  SceneExample example;
  example.scene = plan_scene(options_, set, rng);
  example.references = scene_references(example.scene, options_.references, rng);
  if (options_.teacher == TeacherCaption::Any)
    example.teacher = rng.uniform_int(static_cast<int>(example.references.size()));
  return example;
}

void SceneCaptionData::render(const std::string& split, std::int64_t index, float* out) const {
  paint_scene(example(split, index).scene, items(split), out);
}

CaptionBatch SceneCaptionData::batch(const std::string& split,
                                     const std::vector<std::int64_t>& indices) const {
  const LabelledImages& set = items(split);
  CaptionBatch batch;
  batch.images.height = height();
  batch.images.width = width();
  batch.images.channels = channels();
  batch.images.pixels.resize(static_cast<Index>(indices.size()), pixels_per_example());
  std::vector<std::vector<int>> captions;
  for (std::size_t b = 0; b < indices.size(); ++b) {
    SceneExample example = this->example(split, indices[b]);
    paint_scene(example.scene, set,
                batch.images.pixels.row(static_cast<Index>(b)).data());  // rows are contiguous
    batch.images.labels.push_back(static_cast<int>(example.scene.items.size()));
    captions.push_back(vocabulary().encode(example.references[static_cast<std::size_t>(example.teacher)]));
    batch.lengths.push_back(static_cast<int>(captions.back().size()) + 2);
    batch.references.push_back(std::move(example.references));
    batch.scenes.push_back(std::move(example.scene));
  }
  batch.steps = batch.lengths.empty() ? 0 : *std::max_element(batch.lengths.begin(), batch.lengths.end());
  batch.tokens.assign(indices.size() * static_cast<std::size_t>(batch.steps), CaptionVocabulary::kPad);
  for (std::size_t b = 0; b < captions.size(); ++b) {
    int* row = batch.tokens.data() + b * static_cast<std::size_t>(batch.steps);
    row[0] = CaptionVocabulary::kStart;
    std::copy(captions[b].begin(), captions[b].end(), row + 1);
    row[captions[b].size() + 1] = CaptionVocabulary::kEnd;
  }
  return batch;
}

CaptionBatch SceneCaptionData::random_batch(const std::string& split, int batch_size, Rng& rng) const {
  const int n = size(split);
  std::vector<std::int64_t> indices(static_cast<std::size_t>(std::max(batch_size, 0)));
  for (std::int64_t& i : indices) i = rng.uniform_int(n);
  return batch(split, indices);
}

}  // namespace mann
