// Gradient checks of one attention decoder step against central finite differences: every decoder parameter,
// the attention's own parameters, the encoder memory, the summary and the previous state, with a padded
// source position masked. A step whose memory gradient is cut must fail the same check.
#include <doctest/doctest.h>

#include "framework/addressing/soft_content.h"
#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "models/seq2seq/attention_decoder.h"

using namespace mann;

TEST_SUITE_BEGIN("seq2seq");

namespace {

constexpr Index kBatch = 2, kSlots = 3, kWidth = 4, kHidden = 4, kVocab = 5, kEmbed = 3;

struct DecoderFixture {
  ParameterCollection params{3};
  Rng init{4};
  std::unique_ptr<AttentionDecoder> decoder;
  Parameter memory{"memory", Rng(5).uniform_matrix(kBatch* kSlots, kWidth, -1.f, 1.f)};
  Parameter summary{"summary", Rng(6).uniform_matrix(kBatch, kWidth, -1.f, 1.f)};
  Parameter h{"h", Rng(7).uniform_matrix(kBatch, kHidden, -1.f, 1.f)};
  Parameter c{"c", Rng(8).uniform_matrix(kBatch, kHidden, -1.f, 1.f)};
  Matrix mask = Matrix::Ones(kBatch, kSlots);

  DecoderFixture(RnnKind kind, ContentScore score, bool project_key = false,
                 const AttentionDecoderOptions& options = {}) {
    SoftContentOptions o;
    o.score = score;
    o.project_key = project_key;
    decoder = std::make_unique<AttentionDecoder>(
        params.scope("decoder"), kind, kVocab, kEmbed, kHidden, kWidth, init,
        [&](const ParamScope& scope, AddressingShape shape, Rng& rng) -> std::unique_ptr<AddressingModule> {
          return std::make_unique<SoftContentAddressing>(scope, shape, rng, o);
        },
        options);
    mask(1, kSlots - 1) = 0.f;  // example 1's last source position is padding
  }

  // sum(R .* [logits | h' | c' | attention]) of one step; cut_memory stops the gradient into the memory.
  GradCheckResult check(bool cut_memory) {
    std::vector<Parameter*> all = params.parameters();
    for (Parameter* p : {&memory, &summary, &h, &c}) all.push_back(p);
    const auto f = [&](Tape& t) {
      AddressingContext ctx{.training = false};
      const Var m = t.param(memory);
      const EncodedSource source{cut_memory ? stop_gradient(m) : m, mask, t.param(summary)};
      const DecoderStep s = (*decoder)(t, {2, 4}, RnnState{t.param(h), t.param(c)}, source, ctx);
      std::vector<Var> out = {s.logits, s.state.h, s.attention};
      if (s.state.c.valid()) out.push_back(s.state.c);
      return concat_cols(out);
    };
    return gradient_check_params(f, all);
  }
};

}  // namespace

TEST_CASE("attention decoder step: gradients match finite differences for additive and dot scores") {
  for (RnnKind kind : {RnnKind::Lstm, RnnKind::Gru})
    for (const auto& [score, project] :
         {std::pair{ContentScore::Additive, false}, std::pair{ContentScore::Dot, false},
          std::pair{ContentScore::Dot, true}}) {
      CAPTURE(std::string(enum_name(score)));
      CAPTURE(project);
      CAPTURE(kind == RnnKind::Lstm);
      DecoderFixture fixture(kind, score, project);
      const GradCheckResult r = fixture.check(false);
      CHECK_MESSAGE(r.ok, r.describe());
    }
}

TEST_CASE("attention decoder step with Show, Attend and Tell's gate, cell initialisation and deep output") {
  const AttentionDecoderOptions all{.gate_context = true, .init_cell = true, .deep_output = true};
  for (RnnKind kind : {RnnKind::Lstm, RnnKind::Gru}) {
    CAPTURE(kind == RnnKind::Lstm);
    DecoderFixture fixture(kind, ContentScore::Additive, false, all);
    const GradCheckResult r = fixture.check(false);
    CHECK_MESSAGE(r.ok, r.describe());
    // The options add their parameters: gate/, deep/h, deep/z, and bridge_c/ for the LSTM.
    CHECK(fixture.params.contains("decoder/gate/W"));
    CHECK(fixture.params.contains("decoder/deep/z/W"));
    CHECK(fixture.params.contains("decoder/bridge_c/W") == (kind == RnnKind::Lstm));
  }
  // The initial state: c_0 from the summary with init_cell, zero without.
  DecoderFixture fixture(RnnKind::Lstm, ContentScore::Additive, false, all);
  Tape t;
  const RnnState s0 = fixture.decoder->initial_state(
      t, EncodedSource{t.constant(fixture.memory.value), fixture.mask, t.constant(fixture.summary.value)});
  CHECK_FALSE(s0.c.value().isZero());
}

TEST_CASE("attention decoder step: the check catches a missing gradient through the attention read") {
  for (ContentScore score : {ContentScore::Additive, ContentScore::Dot}) {
    CAPTURE(std::string(enum_name(score)));
    DecoderFixture fixture(RnnKind::Lstm, score);
    CHECK_FALSE(fixture.check(true).ok);
  }
}

TEST_CASE("attention decoder step: padded source positions get exactly zero attention") {
  DecoderFixture fixture(RnnKind::Lstm, ContentScore::Additive);
  Tape t;
  AddressingContext ctx{.training = false};
  const EncodedSource source{t.param(fixture.memory), fixture.mask, t.param(fixture.summary)};
  const DecoderStep s =
      (*fixture.decoder)(t, {0, 1}, RnnState{t.param(fixture.h), t.param(fixture.c)}, source, ctx);
  CHECK(s.attention.value()(1, kSlots - 1) == 0.f);
  CHECK(s.attention.value().row(0).sum() == doctest::Approx(1.f));
  CHECK(s.attention.value().row(1).sum() == doctest::Approx(1.f));
  CHECK(s.logits.cols() == kVocab);
}

TEST_SUITE_END();
