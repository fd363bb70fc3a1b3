// The captioner (Show, Attend and Tell): the encoder's annotation layout, gradient checks of the whole
// teacher-forced objective (token cross-entropy + the doubly stochastic penalty) with and without attention,
// every attention variant training through the trainer with its REINFORCE term settled, and decoding.
#include <doctest/doctest.h>

#include "framework/addressing/hard_attention.h"
#include "framework/addressing/soft_content.h"
#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "framework/components/addressing_components.h"
#include "framework/train/adam.h"
#include "framework/train/trainer.h"
#include "models/captioning/captioner_learner.h"
#include "tests/support/attention_factories.h"
#include "tests/support/easy_captions.h"
#include "tests/support/synthetic_images.h"

using namespace mann;

TEST_SUITE_BEGIN("captioning");

namespace {

// Small scenes of synthetic items: a 16x16 canvas, items shrunk to 8 pixels on the 2x2 grid.
SceneCaptionData tiny_scenes() {
  return SceneCaptionData(testing::synthetic_splits(), testing::small_grid_scene_options(), 7);
}

CaptionerOptions tiny_options() {
  CaptionerOptions o;
  o.encoder.filters = {3};
  o.encoder.kernel = 3;
  o.embed = 4;
  o.hidden = 6;
  o.batch = 2;
  o.eval_batch = 3;
  o.eval_batches = 1;
  o.max_words = 12;
  o.seed = 3;
  return o;
}

}  // namespace

TEST_CASE("the encoder's annotations: one D-vector per grid place, example-major, and their mean") {
  ParameterCollection pc(1);
  Rng rng(2);
  ConvEncoderOptions o;
  o.filters = {3, 4};
  o.kernel = 3;
  const ConvEncoder encoder(pc.scope("enc"), {1, 16, 16}, o, rng);
  CHECK(encoder.width() == 4);
  CHECK(encoder.output_shape().height == 4);  // 16 -> pool 8 -> pool 4
  Tape t;
  const Matrix images = Rng(3).uniform_matrix(2, 256, 0.f, 1.f);
  const Annotations a = encoder(t, t.constant(images));
  REQUIRE(a.locations() == 16);
  CHECK(a.vectors.rows() == 2 * 16);
  CHECK(a.vectors.cols() == 4);
  // Example 1, place 5 (row 1, col 1) is channel-major column d*16 + 5 of the feature map: recompute it
  // by running the encoder on that example alone.
  Tape one;
  const Annotations b = encoder(one, one.constant(images.row(1)));
  CHECK(a.vectors.value().row(16 + 5).isApprox(b.vectors.value().row(5)));
  CHECK(a.mean.value().row(1).isApprox(b.vectors.value().colwise().mean()));
}

TEST_CASE("conv encoder gradients: annotations and their mean w.r.t. filters and biases") {
  ParameterCollection pc(1);
  Rng rng(2);
  ConvEncoderOptions o;
  o.filters = {3, 2};
  o.kernel = 3;
  o.stride = 2;
  o.pool = false;  // max pooling has its own check; a difference can cross a window's change of winner
  const ConvEncoder encoder(pc.scope("enc"), {1, 12, 12}, o, rng);
  // Biases away from 0, so that zero pixels do not sit on relu's kink.
  for (Parameter* p : pc.parameters())
    if (p->name.ends_with("/b")) p->value.setConstant(0.05f);
  const Matrix images = Rng(3).uniform_matrix(2, 144, 0.f, 1.f);
  const Matrix r1 = Rng(4).uniform_matrix(2 * 9, 2, -1.f, 1.f), r2 = Rng(5).uniform_matrix(2, 2, -1.f, 1.f);
  const GradCheckResult r = gradient_check_params(
      [&](Tape& tape) {
        const Annotations a = encoder(tape, tape.constant(images));
        return add(sum(mul(a.vectors, tape.constant(r1))), sum(mul(a.mean, tape.constant(r2))));
      },
      // A step of 1e-2 moves a 3x3 filter's pre-activations by up to ~0.1, across many relu kinks.
      pc.parameters(), GradCheckOptions{.step = 1e-3f});
  CHECK_MESSAGE(r.ok, r.describe());
}

TEST_CASE(
    "captioner gradients: token cross-entropy and the doubly stochastic penalty, soft and no attention") {
  for (const bool attend : {true, false}) {
    CAPTURE(attend);
    // A small lambda: the penalty over 64 places is ~50 per example at lambda 1, and float32 differences of
    // so large a loss drown gradients of 1e-2; lambda's size does not change what is checked.
    CaptionerOptions o = tiny_options();
    o.attention_penalty = 0.05f;
    // The gate's gradients here are ~1e-5, too small for float32 differences of this loss; the decoder
    // step's check (tests/seq2seq) covers it with a loss that resolves it.
    o.decoder.gate_context = false;
    CaptionerLearner learner(tiny_scenes(), o,
                             attend ? testing::additive_attention(5) : AddressingModuleFactory{});
    // At its small initial weights the attention is near uniform and its gradients are ~1e-4, below what
    // float32 differences resolve; larger weights make it peaked enough to check.
    for (Parameter* p : learner.parameters().trainable_parameters())
      if (p->name.starts_with("model/decoder/attention/")) p->value *= 4.f;
    // The decoder's parameters and the attention's: the encoder's gradients are tiny next to this loss, so
    // float32 differences cannot check them here; its own check above does.
    std::vector<Parameter*> checked;
    for (Parameter* p : learner.parameters().trainable_parameters())
      if (!p->name.starts_with("model/encoder/")) checked.push_back(p);
    const GradCheckResult r = gradient_check_params(
        [&](Tape& tape) {
          Rng batch_rng(5);  // the same batch on every evaluation
          Metrics metrics;
          return learner.training_step(tape, 0, batch_rng, metrics);
        },
        checked);
    CHECK_MESSAGE(r.ok, r.describe());
  }
}

TEST_CASE("captioner: soft attention reports the doubly stochastic penalty as a training metric") {
  CaptionerLearner learner(tiny_scenes(), tiny_options(), testing::additive_attention(5));
  Tape tape;
  Rng rng(5);
  Metrics metrics;
  learner.training_step(tape, 0, rng, metrics);
  REQUIRE(metrics.size() == 3);
  CHECK(metrics[2].first == "attention_penalty");
  CHECK(metrics[2].second > 0.0);  // a short caption cannot spread one unit over every one of the places
}

TEST_CASE("captioner: rewards to go credit each step's choices with the words from that step on") {
  PolicyLog policy;
  policy.entries.resize(3);
  Matrix words(2, 3);  // two captions of three steps; the second ended after its first word
  words << -1.f, -2.f, -3.f, -0.5f, 0.f, 0.f;
  CaptionerLearner::credit_rewards_to_go(policy, words);
  const std::vector<std::pair<float, float>> expected = {{-6.f, -0.5f}, {-5.f, 0.f}, {-3.f, 0.f}};
  for (size_t t = 0; t < 3; ++t) {
    CAPTURE(t);
    REQUIRE(policy.entries[t].credited_reward.rows() == 2);
    CHECK(policy.entries[t].credited_reward(0, 0) == doctest::Approx(expected[t].first));
    CHECK(policy.entries[t].credited_reward(1, 0) == doctest::Approx(expected[t].second));
  }
  policy.entries.resize(2);  // a step without its entry would misalign every credit
  CHECK_THROWS_AS(CaptionerLearner::credit_rewards_to_go(policy, words), std::logic_error);
}

TEST_CASE("captioner: step_baseline gives each word position its own moving average of the rewards to go") {
  CaptionerOptions options = tiny_options();
  options.reward = CaptionReward::ToGo;
  options.step_baseline = true;
  CaptionerLearner learner(tiny_scenes(), options, testing::hard_additive_attention(5));
  Tape tape;
  Rng rng(5);
  Metrics metrics;
  learner.training_step(tape, 0, rng, metrics);
  // After one batch each average is its step's mean reward to go (the first batch sets it): the first word's
  // choice is credited every word's log-likelihood, a later one fewer, so its average is higher (less
  // negative). The averages are buffers, saved with the checkpoint.
  const auto average = [&](int t) {
    return learner.parameters().at("model/step_baseline/t" + std::to_string(t) + "/ema").value(0, 0);
  };
  CHECK(average(0) < average(1));
  CHECK(average(1) < 0.f);
  CHECK(learner.parameters().at("model/step_baseline/t12/ema").value(0, 1) == 0.f);  // never reached yet
}

TEST_CASE("captioner: step_baseline_decay is each per-position average's weight on its past") {
  // The average after two batches: the first batch's mean with decay 1, moved towards the second's below it.
  const auto first_average_after = [](float decay, int batches) {
    CaptionerOptions options = tiny_options();
    options.reward = CaptionReward::ToGo;
    options.step_baseline = true;
    options.step_baseline_decay = decay;
    CaptionerLearner learner(tiny_scenes(), options, testing::hard_additive_attention(5));
    Rng rng(5);
    Metrics metrics;
    for (int step = 0; step < batches; ++step) {
      Tape tape;
      learner.training_step(tape, step, rng, metrics);
    }
    return learner.parameters().at("model/step_baseline/t0/ema").value(0, 0);
  };
  const float after_one = first_average_after(0.9f, 1);
  CHECK(first_average_after(1.f, 2) == after_one);
  const float moved_a_little = first_average_after(0.9f, 2), moved_all_the_way = first_average_after(0.f, 2);
  CHECK(moved_a_little != after_one);
  // decay 0.9 keeps 90% of the first average: a tenth of the way to the second batch's mean.
  CHECK(moved_a_little - after_one == doctest::Approx(0.1 * (moved_all_the_way - after_one)).epsilon(1e-3));
}

TEST_CASE("captioner: soft, hard and gumbel attention and none train through the trainer and decode") {
  struct Variant {
    const char* name;
    AddressingModuleFactory attention;
    bool reinforce;
    CaptionReward reward = CaptionReward::Caption;
    bool step_baseline = false;
  };
  const std::vector<Variant> variants = {
      {"soft", testing::additive_attention(5), false},
      {"hard", testing::hard_additive_attention(5), true},
      {"hard, rewards to go", testing::hard_additive_attention(5), true, CaptionReward::ToGo},
      {"hard, rewards to go, a baseline per step", testing::hard_additive_attention(5), true,
       CaptionReward::ToGo, true},
      {"none", {}, false}};
  for (const Variant& v : variants) {
    CAPTURE(v.name);
    CaptionerOptions options = tiny_options();
    options.reward = v.reward;
    options.step_baseline = v.step_baseline;
    CaptionerLearner learner(tiny_scenes(), options, v.attention);
    CHECK((learner.train_metric_names().size() == 6) == v.reinforce);  // + the policy's three
    Adam optimizer{AdamOptions{.learning_rate = 0.01f}};
    ConstantSchedule schedule{0.01f};
    ProgressReporter progress{stderr, 0};
    TrainerOptions trainer_options;
    trainer_options.steps = 4;
    trainer_options.eval_every = 4;
    trainer_options.model_name = std::string("model captioner ") + v.name;
    Trainer trainer(learner, optimizer, schedule, trainer_options, progress, {});
    TrainingProgress state;
    Rng rng(9);
    CHECK(trainer.run(state, rng));  // a hard module's REINFORCE term left owed would throw here
    const Metrics m = learner.evaluate("valid", rng);
    REQUIRE(m.size() == learner.eval_metric_names().size());
    CHECK(m[0].second >= 0.0);
    CHECK(m[0].second <= 1.0);
    // Greedy decoding stops at <end> or max_words; attention rows are one per generated word.
    const CaptionBatch batch = learner.data().batch("test", {0, 1});
    AddressingContext ctx{.training = false, .rng = &rng};
    for (const Decoded& d : learner.decode(batch, ctx, 1)) {
      CHECK(d.tokens.size() <= 12);
      if (v.attention) CHECK(d.attention.rows() == static_cast<Index>(d.tokens.size()));
    }
    // Beam search gives one caption per example too.
    CHECK(learner.decode(batch, ctx, 2).size() == 2);
    // The view: the scene, then each generated word's attention laid over it (hard: one place lit).
    const AttentionView view = learner.views()->attention_view("test", 1);
    if (!v.attention) {
      CHECK(view.panels.empty());
      continue;
    }
    REQUIRE(view.image.has_value());
    const Index words = view.panels.front().values.rows();
    CHECK(view.image->images.rows() == 1 + words);
    CHECK(view.image->captions.size() == static_cast<std::size_t>(1 + words));
    CHECK(view.image->captions[1] == view.panels.front().row_labels[0]);
    if (v.reinforce) {  // argmax at evaluation: the brightest overlay pixels are those of one place
      const Matrix& overlay = view.image->images;
      CHECK(overlay.row(1).maxCoeff() >= 0.6f);
    }
  }
}

TEST_SUITE_END();
