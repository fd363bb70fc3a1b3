#pragma once
// A toy key/value retrieval task for attention tests: a memory of N slots each holding a (key, value)
// pair of symbol ids, and a query key; the answer is the value stored under that key. Solvable exactly by
// one content-based read, so it isolates attention from everything else.
#include <vector>

#include "framework/autodiff/matrix.h"
#include "framework/util/rng.h"

namespace mann {

struct RetrievalTaskOptions {
  int slots = 8;         // N
  int key_vocab = 16;    // K key symbols; keys within an example are distinct, so K >= N
  int value_vocab = 16;  // V value symbols, drawn with replacement
};

// Row-major id arrays: keys[b * slots + n] and values[b * slots + n] form slot n of example b.
struct RetrievalBatch {
  int batch = 0;
  int slots = 0;
  std::vector<int> keys;        // B*N, in [0, key_vocab)
  std::vector<int> values;      // B*N, in [0, value_vocab)
  std::vector<int> query;       // B, one of the example's keys
  std::vector<int> answer;      // B, the value under that key
  std::vector<int> query_slot;  // B, the slot the query points at
};

class RetrievalTask {
 public:
  explicit RetrievalTask(const RetrievalTaskOptions& options = {});

  const RetrievalTaskOptions& options() const { return options_; }
  RetrievalBatch sample(int batch, Rng& rng) const;

 private:
  RetrievalTaskOptions options_;
};

// (ids.size() x vocab) one-hot rows, for models that take vectors rather than ids.
Matrix one_hot(const std::vector<int>& ids, int vocab);

}  // namespace mann
