// The NTM algorithmic tasks: layout, masks, determinism and the correctness of each target.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "datasets/algorithmic/associative_recall_task.h"
#include "datasets/algorithmic/copy_task.h"
#include "datasets/algorithmic/priority_sort_task.h"
#include "datasets/algorithmic/repeat_copy_task.h"
#include "datasets/algorithmic/sort_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

namespace {

void check_shapes(const SequenceTask& task, const SequenceBatch& sb, int batch) {
  CHECK(sb.batch == batch);
  REQUIRE(sb.inputs.size() == sb.targets.size());
  REQUIRE(sb.inputs.size() == sb.masks.size());
  CHECK(static_cast<int>(sb.lengths.size()) == batch);
  CHECK(*std::max_element(sb.steps.begin(), sb.steps.end()) == sb.time_steps());
  for (int t = 0; t < sb.time_steps(); ++t) {
    CHECK(sb.inputs[t].rows() == batch);
    CHECK(sb.inputs[t].cols() == task.input_width());
    CHECK(sb.targets[t].rows() == batch);
    CHECK(sb.targets[t].cols() == task.output_width());
    CHECK(sb.masks[t].rows() == batch);
    CHECK(sb.masks[t].cols() == 1);
  }
}

bool same(const SequenceBatch& a, const SequenceBatch& b) {
  if (a.time_steps() != b.time_steps() || a.lengths != b.lengths) return false;
  for (int t = 0; t < a.time_steps(); ++t) {
    if (a.inputs[t] != b.inputs[t] || a.targets[t] != b.targets[t] || a.masks[t] != b.masks[t]) return false;
  }
  return true;
}

// Mask of example b is 1 exactly on steps [first, last] and padding carries nothing.
void check_mask(const SequenceBatch& sb, int b, int first, int last) {
  for (int t = 0; t < sb.time_steps(); ++t) {
    const float expected = (t >= first && t <= last) ? 1.f : 0.f;
    CHECK(sb.masks[t](b, 0) == expected);
    if (t >= sb.steps[b]) {
      CHECK(sb.inputs[t].row(b).isZero());
      CHECK(sb.targets[t].row(b).isZero());
    }
    if (expected == 0.f) CHECK(sb.targets[t].row(b).isZero());
  }
}

}  // namespace

TEST_CASE("copy task: layout, mask and target equal input") {
  CopyTask task;
  CHECK(task.input_width() == 9);
  CHECK(task.output_width() == 8);
  Rng rng(1);
  const SequenceBatch sb = task.sample_train(16, rng);
  check_shapes(task, sb, 16);
  for (int b = 0; b < 16; ++b) {
    const int L = sb.lengths[b];
    CHECK(L >= 1);
    CHECK(L <= 20);
    CHECK(sb.steps[b] == 2 * L + 1);
    check_mask(sb, b, L + 1, 2 * L);
    for (int t = 0; t < L; ++t) {
      CHECK(sb.inputs[t](b, 8) == 0.f);
      CHECK(sb.targets[L + 1 + t].row(b) == sb.inputs[t].row(b).head(8));
    }
    CHECK(sb.inputs[L].row(b).head(8).isZero());
    CHECK(sb.inputs[L](b, 8) == 1.f);
    for (int t = L + 1; t < sb.time_steps(); ++t) CHECK(sb.inputs[t].row(b).isZero());
  }
}

TEST_CASE("copy task: determinism, eval range and curriculum") {
  CopyTask task(CopyTaskOptions{
      .bits = 4, .min_length = 2, .max_length = 5, .eval_min_length = 30, .eval_max_length = 30});
  Rng a(7), b(7), c(8);
  const SequenceBatch x = task.sample_train(8, a);
  CHECK(same(x, task.sample_train(8, b)));
  CHECK_FALSE(same(x, task.sample_train(8, c)));

  Rng r(3);
  const SequenceBatch e = task.sample_eval(2, r);
  CHECK(e.lengths == std::vector<int>{30, 30});
  CHECK(e.time_steps() == 61);

  task.set_max_length(1);
  CHECK(task.train_lengths().min == 1);
  const SequenceBatch s = task.sample_train(4, r);
  CHECK(s.time_steps() == 3);
  CHECK_THROWS_AS(task.set_max_length(0), UserError);
  CHECK_THROWS_AS(CopyTask(CopyTaskOptions{.bits = 8, .min_length = 5, .max_length = 4}), UserError);
}

TEST_CASE("repeat copy task: count channel, repetitions and end marker") {
  RepeatCopyTask task;
  CHECK(task.input_width() == 10);
  CHECK(task.output_width() == 9);
  Rng rng(2);
  const SequenceBatch sb = task.sample_train(16, rng);
  check_shapes(task, sb, 16);
  for (int b = 0; b < 16; ++b) {
    const int L = sb.lengths[b];
    CHECK(sb.inputs[L](b, 8) == 1.f);
    CHECK(sb.inputs[L](b, 9) == 0.f);
    const float count = sb.inputs[L + 1](b, 9);
    const int R = static_cast<int>(count * 10.f + 0.5f);
    CHECK(R >= 1);
    CHECK(R <= 10);
    CHECK(count == doctest::Approx(R / 10.0));
    CHECK(sb.inputs[L + 1].row(b).head(9).isZero());
    CHECK(sb.steps[b] == L + 3 + R * L);
    check_mask(sb, b, L + 2, L + 2 + R * L);
    for (int r = 0; r < R; ++r) {
      for (int t = 0; t < L; ++t) {
        CHECK(sb.targets[L + 2 + r * L + t].row(b).head(8) == sb.inputs[t].row(b).head(8));
        CHECK(sb.targets[L + 2 + r * L + t](b, 8) == 0.f);
      }
    }
    CHECK(sb.targets[L + 2 + R * L].row(b).head(8).isZero());
    CHECK(sb.targets[L + 2 + R * L](b, 8) == 1.f);
  }
}

TEST_CASE("repeat copy task: evaluation repeats beyond training normalise by the training maximum") {
  RepeatCopyTask task(RepeatCopyTaskOptions{
      .eval_min_length = 3, .eval_max_length = 3, .eval_min_repeats = 20, .eval_max_repeats = 20});
  Rng rng(4);
  const SequenceBatch sb = task.sample_eval(2, rng);
  CHECK(sb.inputs[4](0, 9) == doctest::Approx(2.0));
  CHECK(sb.steps[0] == 3 + 3 + 20 * 3);
}

TEST_CASE("associative recall task: the answer is the item after the query") {
  AssociativeRecallTask task;
  CHECK(task.input_width() == 8);
  CHECK(task.output_width() == 6);
  Rng rng(3);
  const SequenceBatch sb = task.sample_train(32, rng);
  check_shapes(task, sb, 32);
  const int I = 3;
  for (int b = 0; b < 32; ++b) {
    const int n = sb.lengths[b];
    CHECK(n >= 2);
    CHECK(n <= 6);
    auto item = [&](int start) {
      std::vector<float> v;
      for (int s = 0; s < I; ++s)
        for (int i = 0; i < 6; ++i) v.push_back(sb.inputs[start + s](b, i));
      return v;
    };
    for (int k = 0; k < n; ++k) CHECK(sb.inputs[k * (I + 1)](b, 6) == 1.f);
    const int q0 = n * (I + 1);
    CHECK(sb.inputs[q0](b, 7) == 1.f);
    CHECK(sb.inputs[q0 + I + 1](b, 7) == 1.f);
    const std::vector<float> query = item(q0 + 1);
    int found = -1;
    for (int k = 0; k < n; ++k)
      if (item(k * (I + 1) + 1) == query) found = k;
    REQUIRE(found >= 0);
    REQUIRE(found < n - 1);
    const std::vector<float> expected = item((found + 1) * (I + 1) + 1);
    std::vector<float> target;
    for (int s = 0; s < I; ++s)
      for (int i = 0; i < 6; ++i) target.push_back(sb.targets[q0 + I + 2 + s](b, i));
    CHECK(target == expected);
    check_mask(sb, b, q0 + I + 2, q0 + 2 * I + 1);
  }
  CHECK_THROWS_AS(AssociativeRecallTask(AssociativeRecallTaskOptions{.min_items = 1}), UserError);
}

TEST_CASE("priority sort task: picks the 16 highest priorities, highest first") {
  PrioritySortTask task;
  CHECK(task.input_width() == 10);
  CHECK(task.output_width() == 8);
  Rng rng(5);
  const SequenceBatch sb = task.sample_train(8, rng);
  check_shapes(task, sb, 8);
  CHECK(sb.time_steps() == 37);
  for (int b = 0; b < 8; ++b) {
    CHECK(sb.lengths[b] == 20);
    std::vector<std::pair<float, int>> by_priority;
    for (int t = 0; t < 20; ++t) {
      const float p = sb.inputs[t](b, 8);
      CHECK(p >= -1.f);
      CHECK(p <= 1.f);
      by_priority.push_back({p, t});
    }
    std::sort(by_priority.begin(), by_priority.end(), [](auto& x, auto& y) { return x.first > y.first; });
    CHECK(sb.inputs[20](b, 9) == 1.f);
    for (int k = 0; k < 16; ++k)
      CHECK(sb.targets[21 + k].row(b) == sb.inputs[by_priority[k].second].row(b).head(8));
    check_mask(sb, b, 21, 36);
  }
}

TEST_CASE("sort task: target is the input sorted ascending") {
  SortTask task(SortTaskOptions{.bits = 6, .min_length = 1, .max_length = 12});
  Rng rng(6);
  const SequenceBatch sb = task.sample_train(16, rng);
  check_shapes(task, sb, 16);
  for (int b = 0; b < 16; ++b) {
    const int L = sb.lengths[b];
    std::vector<int> in, out;
    for (int t = 0; t < L; ++t) in.push_back(task.decode(sb.inputs[t], b));
    for (int t = 0; t < L; ++t) out.push_back(task.decode(sb.targets[L + 1 + t], b));
    CHECK(std::is_sorted(out.begin(), out.end()));
    CHECK(std::is_permutation(in.begin(), in.end(), out.begin()));
    for (int v : in) CHECK(v < 64);
    CHECK(sb.inputs[L](b, 6) == 1.f);
    check_mask(sb, b, L + 1, 2 * L);
  }
}
