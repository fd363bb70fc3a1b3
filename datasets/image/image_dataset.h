#pragma once
// A labelled image dataset (Fashion-MNIST and its canvas variants) as an experiment's `dataset:`: family
// "image", for image classifiers such as the recurrent attention model. Canvases are painted when batches
// are drawn (datasets/image/image_classification_data.h).
#include <string>
#include <utility>

#include "datasets/dataset.h"
#include "datasets/image/image_classification_data.h"

namespace mann {

class ImageDataset : public Dataset {
 public:
  // `type` is the registered name ("fashion_mnist"), `variant_name` the variant as configured
  // ("cluttered60"), for messages and titles.
  ImageDataset(std::string type, std::string variant_name, ImageClassificationData data)
      : type_(std::move(type)), variant_name_(std::move(variant_name)), data_(std::move(data)) {}
  // "image".
  std::string family() const override { return "image"; }
  // The registered dataset type, e.g. "fashion_mnist".
  std::string type() const override { return type_; }
  // The configured variant name, e.g. "cluttered60".
  const std::string& variant_name() const { return variant_name_; }
  // The splits, their canvases and batches.
  const ImageClassificationData& data() const { return data_; }

 private:
  std::string type_;
  std::string variant_name_;
  ImageClassificationData data_;
};

}  // namespace mann
