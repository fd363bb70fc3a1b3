#pragma once
// Keeping the ranks of a data-parallel run in step: the gradients summed over ranks in one message, the
// parameters copied from rank 0, the step's loss and training metrics combined over the shards.
#include <vector>

#include "framework/autodiff/parameter.h"
#include "framework/distributed/communicator.h"
#include "framework/train/learner.h"

namespace mann {

// Sums every parameter's gradient over the ranks as one float32 message (`buffer` is reused between steps).
void allreduce_gradients(distributed::Communicator& comm, const std::vector<Parameter*>& params,
                         std::vector<float>& buffer);

// Copies every parameter's value from rank 0, so all ranks start (and resume) from identical parameters.
void broadcast_parameters(distributed::Communicator& comm, const std::vector<Parameter*>& params);

// Combines one step over the shards: returns the sum of the shards' (already share-weighted) losses, the
// global batch's loss, and turns each shard's `metrics` (means over its examples) into the mean over the
// global batch by weighting them with `share`.
double allreduce_step(distributed::Communicator& comm, double weighted_loss, Metrics& metrics, double share);

}  // namespace mann
