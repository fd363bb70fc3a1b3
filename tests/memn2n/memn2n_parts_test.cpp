// The pieces around the MemN2N forward: position-encoding weights, model input (mask, time), random noise,
// parameter tying, nil re-zeroing, attention on masked slots, and the epoch order.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "framework/autodiff/ops.h"
#include "models/memn2n/memn2n_model.h"
#include "models/memn2n/position_encoding.h"
#include "models/memn2n/random_noise.h"
#include "models/qa/epoch_order.h"
#include "models/qa/task_errors.h"
#include "tests/memn2n/memn2n_test_support.h"

using namespace mann;

TEST_CASE("position encoding follows l_kj = (1 - j/J) - (k/d)(1 - 2j/J) with J per sentence") {
  Matrix w;
  position_encoding_weights({7, 8, -1, 9, -1, -1}, 3, 2, w);
  REQUIRE(w.rows() == 6);
  REQUIRE(w.cols() == 2);
  // Sentence of J = 2: j = 1 -> (1 - 1/2) - (k/2)(1 - 1) = 0.5 for both k; j = 2 -> 0 - (k/2)(-1) = k/2.
  CHECK(w(0, 0) == doctest::Approx(0.5f));
  CHECK(w(0, 1) == doctest::Approx(0.5f));
  CHECK(w(1, 0) == doctest::Approx(0.5f));
  CHECK(w(1, 1) == doctest::Approx(1.0f));
  // J = 1: j = 1 -> 0 - (k/2)(-1) = k/2.
  CHECK(w(3, 0) == doctest::Approx(0.5f));
  CHECK(w(3, 1) == doctest::Approx(1.0f));
}

TEST_CASE("centered position encoding is the authors' l_kj = 1 + 4 (k - (d+1)/2)(j - (J+1)/2) / (dJ)") {
  Matrix w;
  position_encoding_weights({7, 8, -1, 9, -1, -1}, 3, 2, w, SentenceEncoding::PositionCentered);
  // J = 2, d = 2: k - 3/2 and j - 3/2 are +-1/2, so l = 1 +- 4 * 1/4 / 4 = 1.25 (same signs) or 0.75.
  CHECK(w(0, 0) == doctest::Approx(1.25f));
  CHECK(w(0, 1) == doctest::Approx(0.75f));
  CHECK(w(1, 0) == doctest::Approx(0.75f));
  CHECK(w(1, 1) == doctest::Approx(1.25f));
  // J = 1: the middle word, weight 1 in every dimension.
  CHECK(w(3, 0) == doctest::Approx(1.f));
  CHECK(w(3, 1) == doctest::Approx(1.f));
  // About twice the printed form, which for d = 2, J = 2 gives 0.5, 0.5 / 0.5, 1 (see above).
  CHECK(position_weight(SentenceEncoding::PositionCentered, 1, 10, 1, 20) ==
        doctest::Approx(1.f + 4.f * (1.f - 10.5f) * (1.f - 5.5f) / 200.f));
}

TEST_CASE("MemN2N input: attend_empty_slots keeps the padded slots in the attention") {
  const BabiBatch batch = make_babi_batch(testing::tiny_babi_examples(), {0, 1}, testing::tiny_babi_shape());
  MemN2NInput in;
  make_memn2n_input(batch, SentenceEncoding::Position, 4, in, /*attend_empty_slots=*/true);
  CHECK(in.mask.sum() == static_cast<float>(2 * in.slots));
  CHECK(in.time[static_cast<size_t>(in.slots) + 2] == -1);  // the padding still has no temporal vector
}

TEST_CASE("MemN2N input: mask marks the stored memories, time counts back from the latest") {
  const BabiBatch batch = make_babi_batch(testing::tiny_babi_examples(), {0, 1}, testing::tiny_babi_shape());
  MemN2NInput in;
  make_memn2n_input(batch, SentenceEncoding::Position, 4, in);
  CHECK(in.slots == 5);
  CHECK(in.mask.row(0).sum() == 4.f);
  CHECK(in.mask.row(1).sum() == 2.f);
  CHECK(in.time[0] == 3);
  CHECK(in.time[3] == 0);
  CHECK(in.time[4] == -1);
  CHECK(in.sentence_pe.rows() == static_cast<Index>(in.sentences.size()));
}

TEST_CASE("random noise inserts empty memories and keeps statements, order, time and supporting facts") {
  std::vector<BabiExample> examples;
  BabiExample e;
  e.task = 1;
  for (int i = 0; i < 20; ++i) e.story.push_back({i % 6 + 1, 2});
  e.question = {1};
  e.answer = 3;
  e.supporting = {5, 17};
  examples.assign(8, e);
  const BabiBatchShape shape{slots_with_noise(20, 0.1f, 50), 2, 1, 2};
  CHECK(shape.memory_size == 22);
  BabiBatch batch = make_babi_batch(examples, {0, 1, 2, 3, 4, 5, 6, 7}, shape);
  Rng rng(5);
  insert_empty_memories(batch, 0.1f, rng);
  int inserted = 0;
  for (int b = 0; b < batch.batch; ++b) {
    const int count = batch.sentence_count[b];
    CHECK(count >= 20);
    CHECK(count <= 22);
    inserted += count - 20;
    std::vector<int> firsts;
    for (int m = 0; m < count; ++m) {
      CHECK(batch.time[b * shape.memory_size + m] == count - 1 - m);
      if (batch.word(b, m, 0) >= 0) firsts.push_back(batch.word(b, m, 0));
    }
    REQUIRE(firsts.size() == 20u);
    for (int i = 0; i < 20; ++i) CHECK(firsts[i] == i % 6 + 1);  // statements in their order
    const int s0 = batch.supporting[b * 2], s1 = batch.supporting[b * 2 + 1];
    CHECK(batch.word(b, s0, 0) == 5 % 6 + 1);
    CHECK(batch.word(b, s1, 0) == 17 % 6 + 1);
  }
  CHECK(inserted > 0);
}

TEST_CASE("MemN2N tying: adjacent shares K+1 tables, layer-wise adds H; nil rows are zero") {
  MemN2NOptions o;
  o.vocab = 9;
  o.dim = 3;
  o.memory_size = 5;
  {
    ParameterCollection params;
    Rng rng(1);
    MemN2N model(params.scope("model"), o, rng);
    CHECK(params.names() == std::vector<std::string>{"model/E0", "model/T0", "model/E1", "model/T1",
                                                     "model/E2", "model/T2", "model/E3", "model/T3"});
    params.at("model/E2").value.row(0).setConstant(1.f);
    model.zero_nil();
    CHECK(params.at("model/E2").value.row(0).isZero());
    CHECK(params.at("model/E0").value.row(0).isZero());
  }
  {
    ParameterCollection params;
    Rng rng(1);
    o.tying = WeightTying::LayerWise;
    MemN2N model(params.scope("model"), o, rng);
    CHECK(params.names() == std::vector<std::string>{"model/B", "model/A", "model/C", "model/W", "model/TA",
                                                     "model/TC", "model/H"});
  }
}

TEST_CASE("MemN2N attention gives masked slots no weight and sums to one") {
  MemN2NOptions o;
  o.vocab = 7;
  o.dim = 4;
  o.memory_size = 6;
  ParameterCollection params;
  Rng rng(2);
  MemN2N model(params.scope("model"), o, rng);
  const BabiBatch batch = make_babi_batch(testing::tiny_babi_examples(), {0, 1}, testing::tiny_babi_shape());
  MemN2NInput in;
  make_memn2n_input(batch, o.encoding, o.dim, in);
  Tape tape;
  AddressingContext ctx{.training = false};
  const MemN2N::Output out = model.forward(tape, in, ctx);
  REQUIRE(out.attention.size() == 3u);
  CHECK(out.logits.rows() == 2);
  CHECK(out.logits.cols() == 7);
  for (const Var& p : out.attention) {
    CHECK(p.value().row(0).sum() == doctest::Approx(1.f));
    CHECK(p.value()(0, 4) == 0.f);
    CHECK(p.value().row(1).tail(3).isZero());
  }
}

TEST_CASE("epoch order: each epoch is a permutation fixed by (seed, epoch); steps cover it once") {
  const EpochPlan plan{10, 4};
  CHECK(plan.steps_per_epoch() == 3);
  EpochSampler a(plan, 7), resumed(plan, 7);
  std::multiset<int> seen;
  for (int64_t s = 0; s < 3; ++s)
    for (int i : a.indices(s)) seen.insert(i);
  CHECK(seen.size() == 10u);
  CHECK(std::set<int>(seen.begin(), seen.end()).size() == 10u);
  CHECK(a.indices(2).size() == 2u);  // the last step takes what is left
  // A sampler that starts at step 4 (a resumed run) sees what the first one sees there.
  CHECK(resumed.indices(4) == a.indices(4));
  CHECK(epoch_permutation(10, 7, 0) != epoch_permutation(10, 7, 1));
}

TEST_CASE("task errors: mean over tasks and failed tasks above 5%") {
  TaskErrors e;
  for (int i = 0; i < 100; ++i) e.add(1, true);
  for (int i = 0; i < 100; ++i) e.add(2, i >= 10);  // 10% wrong
  CHECK(e.error(1) == 0.0);
  CHECK(e.error(2) == doctest::Approx(0.1));
  CHECK(e.mean_task_error() == doctest::Approx(0.05));
  CHECK(e.failed_tasks() == 1);
  CHECK(TaskErrors::task_of_metric(TaskErrors::metric_name(17)) == 17);
  CHECK(TaskErrors::task_of_metric("error") == 0);
}
