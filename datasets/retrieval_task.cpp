#include "datasets/retrieval_task.h"

#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "framework/autodiff/errors.h"

namespace mann {

RetrievalTask::RetrievalTask(const RetrievalTaskOptions& o) : options_(o) {
  if (o.slots < 1 || o.value_vocab < 1 || o.key_vocab < o.slots) {
    throw UserError(
        "retrieval task: need slots >= 1, value_vocab >= 1 and key_vocab >= slots (distinct keys); got "
        "slots=" +
        std::to_string(o.slots) + ", key_vocab=" + std::to_string(o.key_vocab) +
        ", value_vocab=" + std::to_string(o.value_vocab));
  }
}

RetrievalBatch RetrievalTask::sample(int batch, Rng& rng) const {
  if (batch < 1) throw std::invalid_argument("retrieval task: batch size must be >= 1");
  const int N = options_.slots;
  RetrievalBatch rb;
  rb.batch = batch;
  rb.slots = N;
  rb.keys.resize(static_cast<size_t>(batch) * N);
  rb.values.resize(rb.keys.size());
  rb.query.resize(batch);
  rb.answer.resize(batch);
  rb.query_slot.resize(batch);
  std::vector<int> pool(options_.key_vocab);
  for (int b = 0; b < batch; ++b) {
    // Partial Fisher-Yates: the first N entries become N distinct keys in random order.
    std::iota(pool.begin(), pool.end(), 0);
    for (int n = 0; n < N; ++n) {
      std::swap(pool[n], pool[n + rng.uniform_int(options_.key_vocab - n)]);
      rb.keys[b * N + n] = pool[n];
      rb.values[b * N + n] = rng.uniform_int(options_.value_vocab);
    }
    const int slot = rng.uniform_int(N);
    rb.query_slot[b] = slot;
    rb.query[b] = rb.keys[b * N + slot];
    rb.answer[b] = rb.values[b * N + slot];
  }
  return rb;
}

Matrix one_hot(const std::vector<int>& ids, int vocab) {
  Matrix m = Matrix::Zero(static_cast<Index>(ids.size()), vocab);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] < 0 || ids[i] >= vocab) {
      throw std::invalid_argument("one_hot: id " + std::to_string(ids[i]) + " outside [0, " +
                                  std::to_string(vocab) + ")");
    }
    m(static_cast<Index>(i), ids[i]) = 1.f;
  }
  return m;
}

}  // namespace mann
