#pragma once
// What a model factory receives besides its own options: the dataset it will learn (the model takes
// ownership and binds to it), the experiment and evaluation seeds, and the batch settings of the train/eval
// sections.
#include <cstdint>
#include <memory>
#include <string>

#include "datasets/dataset.h"
#include "framework/config/config_view.h"

namespace mann {

struct BatchSettings {
  int batch = 16;        // train.batch
  int eval_batch = 64;   // eval.batch
  int eval_batches = 4;  // eval.batches (generated datasets)
  int beam_size = 1;     // eval.beam_size (sequence decoding; 1 = greedy)
};

struct ModelContext {
  std::unique_ptr<Dataset> dataset;
  uint64_t seed = 0;
  uint64_t eval_seed = 0;  // what evaluation data is drawn from (eval.seed, or derived from the seed)
  BatchSettings batches;

  // The dataset as the family a model needs, or a config error at the model's `type:` naming both.
  template <class Family>
  Family& dataset_as(const ConfigView& model, const char* family_name, const char* examples) {
    auto* d = dynamic_cast<Family*>(dataset.get());
    if (!d)
      model.node().at("type").fail(model.spec().label() + " learns " + family_name + " datasets (" +
                                   examples + "), but dataset `" + dataset->type() + "` is a " +
                                   dataset->family() + " dataset");
    return *d;
  }
};

}  // namespace mann
