// MemN2N reads its memory through the addressing interface: hard (REINFORCE) and gumbel attention are one
// config line away from the paper's soft attention, and linear start refuses modules it cannot linearise.
#include <doctest/doctest.h>

#include "framework/addressing/hard_attention.h"
#include "models/memn2n/memn2n_model.h"
#include "tests/memn2n/memn2n_test_support.h"
#include "tests/tools/cli_support.h"

using namespace mann;
using namespace mann::testing;

namespace {

const std::string kExperiments = MANN_SOURCE_DIR "/experiments/babi/";

AddressingModuleFactory hard_dot() {
  return [](const ParamScope& scope, AddressingShape shape, Rng& rng) -> std::unique_ptr<AddressingModule> {
    HardOptions o;
    o.scorer.score = ContentScore::Dot;
    return std::make_unique<HardAttention>(scope, shape, rng, o);
  };
}

}  // namespace

TEST_CASE("MemN2N with hard attention: one-hot hops on usable slots, one policy entry per hop") {
  MemN2NOptions o;
  o.vocab = 7;
  o.dim = 4;
  o.memory_size = 6;
  ParameterCollection params;
  Rng rng(3);
  const MemN2N model(params.scope("model"), o, rng, hard_dot());
  CHECK(model.needs_reinforce());
  const BabiBatch batch = make_babi_batch(tiny_babi_examples(), {0, 1}, tiny_babi_shape());
  MemN2NInput in;
  make_memn2n_input(batch, o.encoding, o.dim, in);
  for (const bool training : {true, false}) {
    CAPTURE(training);
    Tape tape;
    PolicyLog policy;
    Rng sampling(5);
    AddressingContext ctx{.training = training, .rng = &sampling, .policy = &policy};
    const MemN2N::Output out = model.forward(tape, in, ctx);
    REQUIRE(out.attention.size() == 3u);
    for (const Var& p : out.attention) {
      for (Index b = 0; b < 2; ++b) {
        CHECK(p.value().row(b).sum() == doctest::Approx(1.f));
        CHECK(p.value().row(b).maxCoeff() == 1.f);  // exactly one slot read
      }
      CHECK(p.value()(0, 4) == 0.f);             // example 0 has 4 sentences
      CHECK(p.value().row(1).tail(3).isZero());  // example 1 has 2
    }
    CHECK(policy.entries.size() == (training ? 3u : 0u));
  }
}

TEST_CASE(
    "MemN2N on bAbI task 1 with gumbel or hard attention by one --set, policy metrics "
    "logged" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-hard");
  for (const std::string addressing : {"hard", "gumbel"}) {
    CAPTURE(addressing);
    const std::string run = dir.path(addressing);
    const CommandResult train =
        run_mann("train " + kExperiments + "pe_3hop_1k.yaml --data-dir " + data + " --out " + run +
                 " --set train.steps=290 --set 'model.addressing={type: " + addressing + ", score: dot}'");
    REQUIRE_MESSAGE(train.exit_code == 0, train.output);
    const std::string metrics = read_text(dir.path() / addressing / "metrics.csv");
    CHECK((metrics.find("policy_entropy") != std::string::npos) == (addressing == "hard"));
    const CommandResult eval = run_mann("eval " + run + " --data-dir " + data);
    REQUIRE_MESSAGE(eval.exit_code == 0, eval.output);
    // 10 epochs are far from solving it, but well below chance (about 5 of 6 places wrong).
    CHECK_MESSAGE(eval.output.find("error            0.") != std::string::npos, eval.output);
    const double error = std::stod(eval.output.substr(eval.output.find("error ") + 6));
    CHECK_MESSAGE(error < 0.7, eval.output);
  }
}

TEST_CASE(
    "MemN2N linear start with a non-linearisable addressing module is a config error at the "
    "key" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-ls-hard");
  const CommandResult r = run_mann("train " + kExperiments + "pe_ls_3hop_1k.yaml --data-dir " + data +
                                   " --out " + dir.path("run") + " --set 'model.addressing={type: hard}'");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.output.find("model.linear_start") != std::string::npos, r.output);
  CHECK_MESSAGE(r.output.find("soft_content, score: dot") != std::string::npos, r.output);
  CHECK(!std::filesystem::exists(dir.path() / "run" / "checkpoints"));
}
