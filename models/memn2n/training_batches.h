#pragma once
// The data side of MemN2N training (paper sec. 4.2): epochs over the bAbI training questions in a seeded
// shuffled order, this rank's shard of every global batch, and random noise (empty memories) inserted per
// story. Every batch follows from the step number alone, so a resumed run sees the batches and the noise
// an uninterrupted one would have.
#include <cstdint>

#include "datasets/babi/babi_batch.h"
#include "framework/distributed/data_shard.h"
#include "models/qa/epoch_order.h"

namespace mann {

class MemN2NTrainingBatches {
 public:
  // One step's part of the training data.
  struct Drawn {
    BabiBatch batch;           // the shard's questions, with their noise
    int64_t global_batch = 0;  // questions in the step's global batch (the last of an epoch may be short)
  };

  // `data` must outlive this. batch: questions per global step; random_noise: RN's fraction (0: none);
  // seed: the epoch orders and the noise. Throws UserError for a non-positive batch or noise outside [0, 1].
  MemN2NTrainingBatches(const BabiDataset& data, int batch, float random_noise, uint64_t seed);

  // The training batch of `step`: the shard's part of the step's global batch, with its noise.
  Drawn draw(int64_t step, const distributed::DataShard& shard);
  // The padded shape of every batch: memories up to the longest story plus room for the noise.
  const BabiBatchShape& shape() const { return shape_; }
  // Questions per global step.
  int batch() const { return sampler_.plan().batch; }
  // Steps per epoch over the training questions.
  int64_t steps_per_epoch() const { return sampler_.plan().steps_per_epoch(); }

 private:
  const BabiDataset& data_;
  float random_noise_;
  uint64_t seed_;
  BabiBatchShape shape_;
  EpochSampler sampler_;
};

}  // namespace mann
