#include <doctest/doctest.h>

#include <set>

#include "datasets/retrieval_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

TEST_CASE("retrieval task: distinct keys, answer stored under the query key") {
  RetrievalTask task;
  Rng rng(11);
  const RetrievalBatch rb = task.sample(64, rng);
  CHECK(rb.keys.size() == 64u * 8u);
  CHECK(rb.values.size() == 64u * 8u);
  CHECK(rb.query.size() == 64u);
  CHECK(rb.answer.size() == 64u);
  for (int b = 0; b < 64; ++b) {
    std::set<int> keys(rb.keys.begin() + b * 8, rb.keys.begin() + (b + 1) * 8);
    CHECK(keys.size() == 8u);
    CHECK(*keys.begin() >= 0);
    CHECK(*keys.rbegin() < 16);
    int hits = 0;
    for (int n = 0; n < 8; ++n) {
      CHECK(rb.values[b * 8 + n] >= 0);
      CHECK(rb.values[b * 8 + n] < 16);
      if (rb.keys[b * 8 + n] == rb.query[b]) {
        ++hits;
        CHECK(rb.values[b * 8 + n] == rb.answer[b]);
        CHECK(rb.query_slot[b] == n);
      }
    }
    CHECK(hits == 1);
  }
  Rng a(5), c(5);
  const RetrievalBatch x = task.sample(4, a), y = task.sample(4, c);
  CHECK(x.keys == y.keys);
  CHECK(x.values == y.values);
  CHECK(x.query == y.query);
  CHECK_THROWS_AS(RetrievalTask(RetrievalTaskOptions{.slots = 8, .key_vocab = 4}), UserError);
}

TEST_CASE("one_hot") {
  const Matrix m = one_hot({2, 0}, 3);
  CHECK(m.rows() == 2);
  CHECK(m(0, 2) == 1.f);
  CHECK(m(1, 0) == 1.f);
  CHECK(m.sum() == 2.f);
}
