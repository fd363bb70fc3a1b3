#include "models/memn2n/training_batches.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "models/memn2n/random_noise.h"

namespace mann {

MemN2NTrainingBatches::MemN2NTrainingBatches(const BabiDataset& data, int batch, float random_noise,
                                             uint64_t seed)
    : data_(data),
      random_noise_(random_noise),
      seed_(seed),
      shape_(babi_batch_shape(data)),
      sampler_(EpochPlan{static_cast<int>(data.train.size()), batch}, seed) {
  if (batch <= 0) throw UserError("MemN2N batch sizes must be positive");
  if (random_noise < 0.f || random_noise > 1.f) throw UserError("MemN2N random_noise must be in [0, 1]");
  // Memories padded only up to the longest story (plus room for RN), never beyond the memory size.
  shape_.memory_size = slots_with_noise(std::max(1, data.max_story_len), random_noise, data.memory_size);
}

MemN2NTrainingBatches::Drawn MemN2NTrainingBatches::draw(int64_t step, const distributed::DataShard& shard) {
  std::vector<int> indices = sampler_.indices(step);
  const auto global = static_cast<int64_t>(indices.size());
  if (!shard.whole()) {
    indices = std::vector<int>(indices.begin() + shard.begin(global), indices.begin() + shard.end(global));
  }
  BabiBatch batch = make_babi_batch(data_.train, indices, shape_);
  if (random_noise_ > 0.f) {
    // From the step alone: resumed runs insert the same noise (each rank its own in data-parallel runs).
    Rng noise(step_seed(seed_, step) + static_cast<uint64_t>(shard.rank));
    insert_empty_memories(batch, random_noise_, noise);
  }
  return {std::move(batch), global};
}

}  // namespace mann
