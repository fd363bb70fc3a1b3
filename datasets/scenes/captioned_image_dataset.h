#pragma once
// Images with reference captions (fashion_scenes) as an experiment's `dataset:`: family
// "captioned_images", for captioning models such as Show, Attend and Tell. Scenes are drawn and painted
// when batches are asked for (datasets/scenes/scene_caption_data.h).
#include <string>
#include <utility>

#include "datasets/dataset.h"
#include "datasets/scenes/scene_caption_data.h"

namespace mann {

class CaptionedImageDataset : public Dataset {
 public:
  // `type` is the registered name ("fashion_scenes").
  CaptionedImageDataset(std::string type, SceneCaptionData data)
      : type_(std::move(type)), data_(std::move(data)) {}
  // "captioned_images".
  std::string family() const override { return "captioned_images"; }
  // The registered dataset type, e.g. "fashion_scenes".
  std::string type() const override { return type_; }
  // The splits, their scenes, captions and batches.
  const SceneCaptionData& data() const { return data_; }

 private:
  std::string type_;
  SceneCaptionData data_;
};

}  // namespace mann
