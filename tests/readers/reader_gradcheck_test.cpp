// Gradient checks of the readers against central finite differences: the attentive read and the impatient
// reader's re-read step (document states, query, previous read and every parameter, a padded document
// position masked), and the whole forward pass of each reader. A read whose document gradient is cut must
// fail the same check.
#include <doctest/doctest.h>

#include "framework/addressing/soft_content.h"
#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "models/readers/reader_model.h"
#include "tests/support/attention_factories.h"

using namespace mann;

TEST_SUITE_BEGIN("readers");

namespace {

constexpr Index kBatch = 2, kSteps = 4, kHidden = 2, kWidth = 2 * kHidden, kVocab = 9, kEntities = 4;

struct ReaderFixture {
  ParameterCollection params{3};
  Rng init{4};
  std::unique_ptr<ReaderModel> model;
  Parameter memory{"memory", Rng(5).uniform_matrix(kBatch* kSteps, kWidth, -1.f, 1.f)};
  Parameter query{"query", Rng(6).uniform_matrix(kBatch, kWidth, -1.f, 1.f)};
  Parameter previous{"previous", Rng(7).uniform_matrix(kBatch, kWidth, -1.f, 1.f)};
  Matrix mask = Matrix::Ones(kBatch, kSteps);

  explicit ReaderFixture(ReaderKind kind, RnnKind cell = RnnKind::Lstm) {
    ReaderOptions o;
    o.reader = kind;
    o.cell = cell;
    o.embed = 3;
    o.hidden = kHidden;
    o.layers = 2;
    model = std::make_unique<ReaderModel>(params.scope("model"), o, kVocab, kEntities, init,
                                          testing::additive_attention(3));
    mask(1, kSteps - 1) = 0.f;  // example 1's last document token is padding
  }

  std::vector<Parameter*> attention_parameters() {
    std::vector<Parameter*> all;
    for (Parameter* p : params.parameters())
      if (p->name.find("attention") != std::string::npos || p->name.find("reread") != std::string::npos)
        all.push_back(p);
    for (Parameter* p : {&memory, &query, &previous}) all.push_back(p);
    return all;
  }

  // sum(R .* [read | attention]) of the attentive read (impatient: one re-read step).
  GradCheckResult check_read(bool impatient, bool cut_memory) {
    const auto f = [&](Tape& t) {
      AddressingContext ctx{.training = false};
      const Var m = cut_memory ? stop_gradient(t.param(memory)) : t.param(memory);
      const DocumentRead r = impatient ? model->reread(t, m, mask, t.param(previous), t.param(query), ctx)
                                       : model->attend(t, m, mask, t.param(query), ctx);
      return concat_cols({r.read, r.attention});
    };
    std::vector<Parameter*> checked = attention_parameters();
    if (!impatient) checked.pop_back();  // no previous read
    return gradient_check_params(f, checked);
  }
};

ReaderBatch tiny_batch() {
  ClozeExample a, b;
  a.document = {1, 5, 2, 6, 3};
  a.query = {5, 7, 8};
  a.answer = 0;
  a.candidates = {0, 2};
  b.document = {4, 2, 6};
  b.query = {8, 6};
  b.answer = 3;
  b.candidates = {1, 3};
  static ClozeExample sa, sb;
  sa = a;
  sb = b;
  return make_reader_batch({&sa, &sb}, kEntities);
}

}  // namespace

TEST_CASE("attentive read and impatient re-read: gradients match finite differences") {
  for (bool impatient : {false, true}) {
    CAPTURE(impatient);
    ReaderFixture fixture(impatient ? ReaderKind::Impatient : ReaderKind::Attentive);
    const GradCheckResult r = fixture.check_read(impatient, false);
    CHECK_MESSAGE(r.ok, r.describe());
    CHECK_FALSE(fixture.check_read(impatient, true).ok);  // the check sees a cut gradient
  }
}

TEST_CASE("attentive read: padded document tokens get exactly zero attention") {
  ReaderFixture fixture(ReaderKind::Attentive);
  Tape t;
  AddressingContext ctx{.training = false};
  const DocumentRead r =
      fixture.model->attend(t, t.param(fixture.memory), fixture.mask, t.param(fixture.query), ctx);
  CHECK(r.attention.value()(1, kSteps - 1) == 0.f);
  CHECK(r.attention.value().row(0).sum() == doctest::Approx(1.f));
}

TEST_CASE("every reader's forward pass: gradients of all parameters match finite differences") {
  for (ReaderKind kind : {ReaderKind::DeepLstm, ReaderKind::Attentive, ReaderKind::Impatient})
    for (RnnKind cell : {RnnKind::Lstm, RnnKind::Gru}) {
      CAPTURE(std::string(enum_name(kind)));
      CAPTURE(cell == RnnKind::Lstm);
      ReaderFixture fixture(kind, cell);
      const ReaderBatch batch = tiny_batch();
      const auto f = [&](Tape& t) {
        AddressingContext ctx{.training = false};
        const ReaderOutput out = (*fixture.model)(t, batch, ctx);
        // The log-softmax over candidates: excluded entities' -1e4 offsets would swamp the float check.
        return softmax_cross_entropy(out.logits, batch.answers);
      };
      const GradCheckResult r = gradient_check_params(f, fixture.params.parameters());
      CHECK_MESSAGE(r.ok, r.describe());
      Tape t;
      AddressingContext ctx{.training = false};
      const ReaderOutput out = (*fixture.model)(t, batch, ctx);
      CHECK(out.logits.value()(0, 1) < -1000.f);  // entity 1 is not in example 0's document
      CHECK(out.attention.size() == (kind == ReaderKind::DeepLstm    ? 0u
                                     : kind == ReaderKind::Attentive ? 1u
                                                                     : 3u));
    }
}

TEST_SUITE_END();
