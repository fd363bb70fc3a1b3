// A toy key/value retrieval task learned by soft_content, hard (REINFORCE) and gumbel attention, each in a
// plain training loop from a fixed seed.
//
// Task: a memory of 8 slots, each a distinct key symbol (of 16) with a value symbol (of 16); the query is
// one of the keys; the answer is its value. Model: slot i = [E_k key_i | E_v value_i] (width 2D), query =
// E_k key, weighting w = attention(memory, query), read r = w . memory, answer = softmax(r W_o + b_o).
// Solvable exactly by one content-based read of the right slot.
#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "framework/addressing/gumbel_attention.h"
#include "framework/addressing/hard_attention.h"
#include "framework/addressing/soft_content.h"
#include "framework/nn/linear.h"
#include "framework/train/adam.h"
#include "framework/train/reinforce.h"
#include "tests/addressing/addressing_test_support.h"

using namespace mann;

TEST_SUITE_BEGIN("addressing");

namespace {

constexpr int kSlots = 8, kKeys = 16, kValues = 16, kEmbed = 16;

struct Batch {
  std::vector<int> keys, values, query, answer;  // keys/values: B*N; query/answer: B
};

Batch sample_batch(int batch, Rng& rng) {
  Batch out;
  for (int b = 0; b < batch; ++b) {
    std::vector<int> symbols(kKeys);
    for (int k = 0; k < kKeys; ++k) symbols[static_cast<size_t>(k)] = k;
    for (int n = 0; n < kSlots; ++n) {  // partial Fisher-Yates: distinct keys
      std::swap(symbols[static_cast<size_t>(n)],
                symbols[static_cast<size_t>(n + rng.uniform_int(kKeys - n))]);
      out.keys.push_back(symbols[static_cast<size_t>(n)]);
      out.values.push_back(rng.uniform_int(kValues));
    }
    const int slot = rng.uniform_int(kSlots);
    out.query.push_back(out.keys[static_cast<size_t>(b * kSlots + slot)]);
    out.answer.push_back(out.values[static_cast<size_t>(b * kSlots + slot)]);
  }
  return out;
}

struct RetrievalModel {
  ParameterCollection params{1};
  Rng init{2};
  Parameter& key_embedding = params.add("embed/key", kKeys, kEmbed, Init::normal(0.f, 1.f), init);
  Parameter& value_embedding = params.add("embed/value", kValues, kEmbed, Init::normal(0.f, 1.f), init);
  Linear output{params.scope("output"), 2 * kEmbed, kValues, init};
  std::unique_ptr<AddressingModule> attention;

  static AddressingShape shape() { return {kEmbed, 2 * kEmbed, kSlots}; }

  // Logits (B x V) of one forward pass.
  Var forward(Tape& t, const Batch& batch, AddressingContext& ctx) {
    Var keys = t.param(key_embedding);
    Var memory =
        concat_cols({gather_rows(keys, batch.keys), gather_rows(t.param(value_embedding), batch.values)});
    Var query = gather_rows(keys, batch.query);
    Var w = attention->address(t, memory, nullptr, query, Var{}, ctx, "");
    return output(t, memory_read(w, memory));
  }
};

float accuracy(const Matrix& logits, const std::vector<int>& answer) {
  int right = 0;
  for (Index b = 0; b < logits.rows(); ++b) {
    Index best;
    logits.row(b).maxCoeff(&best);
    right += best == answer[static_cast<size_t>(b)];
  }
  return static_cast<float>(right) / static_cast<float>(logits.rows());
}

struct TrainResult {
  float test_accuracy;
  double seconds;
};

// Adam on cross-entropy; stochastic modules add the REINFORCE surrogate with reward log p(answer).
// use_reinforce = false drops the surrogate (a control: then nothing teaches a hard scorer).
TrainResult train(RetrievalModel& model, int steps, float learning_rate, float entropy_weight = 0.f,
                  bool use_reinforce = true) {
  const auto start = std::chrono::steady_clock::now();
  Adam adam({.learning_rate = learning_rate});
  Rng data(3), noise(4);
  Tape t;
  const std::vector<Parameter*> params = model.params.parameters();
  for (int step = 0; step < steps; ++step) {
    t.clear();
    model.params.zero_grad();
    const Batch batch = sample_batch(32, data);
    PolicyLog log;
    AddressingContext ctx{.training = true, .rng = &noise, .step = step, .policy = &log};
    Var logits = model.forward(t, batch, ctx);
    Var loss = softmax_cross_entropy(logits, batch.answer);
    if (use_reinforce && !log.empty()) {
      // Reward: log-probability of the right answer per example (a dense signal, unlike 0/1 correctness).
      const Matrix log_p = log_softmax_rows(stop_gradient(logits)).value();
      Matrix rewards(32, 1);
      for (Index b = 0; b < 32; ++b) rewards(b, 0) = log_p(b, batch.answer[static_cast<size_t>(b)]);
      loss = loss + reinforce_surrogate(t, log, rewards, entropy_weight).loss;
    }
    t.backward(loss);
    adam.step(params);
  }
  Rng test_data(5);
  const Batch test = sample_batch(1000, test_data);
  AddressingContext eval{.training = false};
  t.clear();
  t.set_grad_enabled(false);
  const float acc = accuracy(model.forward(t, test, eval).value(), test.answer);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {acc, seconds};
}

}  // namespace

TEST_CASE("retrieval task: soft content attention learns it, with every score") {
  for (ContentScore score :
       {ContentScore::Dot, ContentScore::ScaledDot, ContentScore::Cosine, ContentScore::Additive}) {
    CAPTURE(std::string(enum_name(score)));
    RetrievalModel model;
    SoftContentOptions o;
    o.score = score;
    model.attention = std::make_unique<SoftContentAddressing>(model.params.scope("attention"),
                                                              RetrievalModel::shape(), model.init, o);
    const TrainResult r = train(model, 800, 0.01f);
    MESSAGE("soft_content " << enum_name(score) << ": test accuracy " << r.test_accuracy << " in "
                            << r.seconds << " s");
    CHECK(r.test_accuracy >= 0.95f);
  }
}

TEST_CASE("retrieval task: hard attention learns it with REINFORCE") {
  const std::pair<BaselineKind, std::string> baselines[] = {
      {BaselineKind::Ema, "ema"}, {BaselineKind::Learned, "learned"}, {BaselineKind::None, "none"}};
  for (const auto& [baseline, name] : baselines) {
    for (int samples : {1, 2}) {
      CAPTURE(name);
      CAPTURE(samples);
      RetrievalModel model;
      HardOptions o;
      o.baseline = baseline;
      o.samples = samples;
      model.attention = std::make_unique<HardAttention>(model.params.scope("attention"),
                                                        RetrievalModel::shape(), model.init, o);
      const TrainResult r = train(model, 1500, 0.01f, 0.01f);
      MESSAGE("hard (baseline " << name << ", k = " << samples << "): test accuracy " << r.test_accuracy
                                << " in " << r.seconds << " s");
      CHECK(r.test_accuracy >= 0.95f);
    }
  }

  // Control: the same model without the REINFORCE surrogate does not learn where to look.
  RetrievalModel control;
  control.attention = std::make_unique<HardAttention>(control.params.scope("attention"),
                                                      RetrievalModel::shape(), control.init, HardOptions{});
  const TrainResult c = train(control, 1000, 0.01f, 0.01f, false);
  MESSAGE("hard without REINFORCE: test accuracy " << c.test_accuracy);
  CHECK(c.test_accuracy < 0.5f);
}

TEST_CASE("retrieval task: gumbel-softmax attention learns it") {
  RetrievalModel model;
  GumbelOptions o;
  o.tau0 = 1.f;
  o.tau_min = 0.5f;
  o.decay_rate = 1e-3f;
  model.attention = std::make_unique<GumbelAttention>(model.params.scope("attention"),
                                                      RetrievalModel::shape(), model.init, o);
  const TrainResult r = train(model, 800, 0.01f);
  MESSAGE("gumbel: test accuracy " << r.test_accuracy << " in " << r.seconds << " s");
  CHECK(r.test_accuracy >= 0.95f);
}

TEST_SUITE_END();
