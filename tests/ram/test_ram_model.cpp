// The recurrent attention model's forward pass: the gradients of its differentiable parts (glimpse network,
// core, classifier) w.r.t. every parameter they use, with the glimpse locations held fixed; and the glimpse
// path it reports.
#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "models/ram/ram_model.h"
#include "models/ram/ram_views.h"

TEST_SUITE_BEGIN("ram");

namespace {

using mann::Matrix;

// A model on 12x12 images, small enough for finite differences over every parameter.
mann::RamOptions tiny_options(mann::RamCoreKind core) {
  mann::RamOptions o;
  o.glimpses = 3;
  o.patch = 3;
  o.scales = 2;
  o.glimpse_hidden = 4;
  o.glimpse_out = 5;
  o.hidden = 6;
  o.core = core;
  return o;
}

void check_gradients(mann::RamCoreKind core) {
  mann::ParameterCollection params(7);
  mann::Rng init(7);
  const mann::ImageShape image{1, 12, 12};
  mann::RamModel model(params.scope("model"), image, 3, tiny_options(core), init, {});
  mann::Rng data(3);
  const Matrix pixels = data.uniform_matrix(2, image.size(), 0.f, 1.f);
  const std::vector<Matrix> locations = {data.uniform_matrix(2, 2, -1.f, 1.f),
                                         data.uniform_matrix(2, 2, -1.f, 1.f),
                                         data.uniform_matrix(2, 2, -1.f, 1.f)};
  std::vector<mann::Parameter*> checked;
  for (mann::Parameter* p : params.trainable_parameters())
    if (p->name.find("location") == std::string::npos) checked.push_back(p);  // the policy is REINFORCE's
  REQUIRE(!checked.empty());
  const auto result = mann::gradient_check_params(
      [&](mann::Tape& tape) {
        mann::AddressingContext ctx{.training = false};
        return model.forward(tape, tape.constant(pixels), ctx, nullptr, &locations);
      },
      checked, {.step = 2e-3f, .tolerance = 2e-2});  // a small step: fewer ReLU kinks crossed
  CHECK_MESSAGE(result.ok, result.describe());
}

}  // namespace

TEST_CASE("ram: gradients of the glimpse network, relu core and classifier (locations fixed)") {
  check_gradients(mann::RamCoreKind::Rnn);
}

TEST_CASE("ram: gradients with an LSTM core") {
  check_gradients(mann::RamCoreKind::Lstm);
}

TEST_CASE("ram: the path holds one location per glimpse, in [-1, 1], sampled when training") {
  mann::ParameterCollection params(1);
  mann::Rng init(1);
  const mann::ImageShape image{1, 12, 12};
  mann::RamModel model(params.scope("model"), image, 3, tiny_options(mann::RamCoreKind::Rnn), init, {});
  mann::Rng rng(5);
  mann::Tape tape;
  mann::PolicyLog policy;
  mann::AddressingContext ctx{.training = true, .rng = &rng, .policy = &policy};
  mann::GlimpsePath path;
  const mann::Var logits = model.forward(tape, tape.constant(Matrix::Ones(4, image.size())), ctx, &path);
  CHECK(logits.rows() == 4);
  CHECK(logits.cols() == 3);
  REQUIRE(path.locations.size() == 3);
  for (const Matrix& l : path.locations) CHECK(l.cwiseAbs().maxCoeff() <= 1.f);
  CHECK(policy.entries.size() == 2);  // every glimpse after the first was chosen by the policy
  CHECK(tape.owed_loss_terms().size() == 2);
}

TEST_CASE("ram: first_glimpse centre starts every path at the image's centre, random draws one per example") {
  const mann::ImageShape image{1, 12, 12};
  const Matrix pixels = mann::Rng(2).uniform_matrix(4, image.size(), 0.f, 1.f);
  for (const auto first : {mann::RamFirstGlimpse::Centre, mann::RamFirstGlimpse::Random}) {
    mann::ParameterCollection params(1);
    mann::Rng init(1);
    mann::RamOptions o = tiny_options(mann::RamCoreKind::Lstm);
    o.first_glimpse = first;
    mann::RamModel model(params.scope("model"), image, 3, o, init, {});
    mann::Rng rng(5);
    mann::Tape tape;
    mann::AddressingContext ctx{.training = false, .rng = &rng};
    mann::GlimpsePath path;
    model.forward(tape, tape.constant(pixels), ctx, &path);
    REQUIRE(path.locations.size() == 3);
    const Matrix& start = path.locations[0];
    if (first == mann::RamFirstGlimpse::Centre) {
      CHECK(start.isZero());
      // Evaluation is then deterministic and needs no random numbers at all.
      mann::Tape again;
      mann::AddressingContext no_rng{.training = false};
      mann::GlimpsePath second;
      model.forward(again, again.constant(pixels), no_rng, &second);
      for (std::size_t t = 0; t < 3; ++t) CHECK(second.locations[t] == path.locations[t]);
    } else {
      CHECK(start.row(0) != start.row(1));  // drawn per example
      CHECK(start.cwiseAbs().maxCoeff() <= 1.f);
    }
  }
}

TEST_CASE("ram: glimpse boxes are drawn where the sensor reads, clipped to the image") {
  // Centre of a 28x28 image, 12x12 patches at 3 scales: 12 and 24 fit, 48 is clipped to the whole image.
  const Matrix centre = Matrix::Zero(1, 2);
  const auto boxes = mann::glimpse_boxes(centre, 28, 28, 12, 3, 0, {255, 0, 0}, "1");
  REQUIRE(boxes.size() == 3);
  const auto is = [](const mann::plot::ImageMark& m, float x, float y, float w, float h) {
    return m.x == x && m.y == y && m.w == w && m.h == h;
  };
  CHECK(is(boxes[0], 8, 8, 12, 12));
  CHECK(boxes[0].label == "1");
  CHECK(is(boxes[1], 2, 2, 24, 24));
  CHECK(is(boxes[2], 0, 0, 28, 28));
  CHECK(boxes[2].label.empty());
  // The bottom-right corner: a quarter of each box lies on the image.
  Matrix corner(1, 2);
  corner << 1.f, 1.f;
  const auto cut = mann::glimpse_boxes(corner, 28, 28, 8, 2, 0, {255, 0, 0}, "2");
  REQUIRE(cut.size() == 2);
  CHECK(is(cut[0], 24, 24, 4, 4));
  CHECK(is(cut[1], 20, 20, 8, 8));
}

TEST_SUITE_END();
