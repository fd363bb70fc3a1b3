#pragma once
// Fixtures for NTM tests: tiny models and hand-made batches.
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/util/rng.h"
#include "models/ntm/ntm_model.h"

namespace mann::testing {

// A batch of random inputs in [0, 1) (the model does not care what they mean), all-ones targets masks.
inline SequenceBatch random_batch(int batch, int steps, int in_width, int out_width, uint64_t seed) {
  Rng rng(seed);
  SequenceBatch b;
  b.batch = batch;
  for (int t = 0; t < steps; ++t) {
    b.inputs.push_back(rng.uniform_matrix(batch, in_width, 0.f, 1.f));
    b.targets.push_back(Matrix::Zero(batch, out_width));
    b.masks.push_back(Matrix::Ones(batch, 1));
  }
  b.lengths.assign(static_cast<size_t>(batch), steps);
  b.steps.assign(static_cast<size_t>(batch), steps);
  return b;
}

// The NTM of the gradient checks: N = 6 slots of width M = 4, controller 5.
inline NTMOptions tiny_ntm_options() {
  NTMOptions o;
  o.controller_size = 5;
  o.memory_slots = 6;
  o.memory_width = 4;
  return o;
}

}  // namespace mann::testing
