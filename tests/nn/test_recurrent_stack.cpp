// RecurrentStack: the one stacked recurrence of the NTM controller, the LSTM baseline and the seq2seq
// encoder. Its parameters keep the names each model's checkpoints carry; it computes exactly what
// hand-chained cells compute; padded steps keep the state; gradients check.
#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "framework/nn/recurrent_stack.h"

using namespace mann;

TEST_SUITE_BEGIN("nn");

TEST_CASE("RecurrentStack names its layers as the model says and creates them bottom first") {
  ParameterCollection pc;
  Rng rng(1);
  RecurrentStack stack(RnnKind::Lstm, numbered_layers(pc.scope("controller"), "lstm"), 5, 4, 2, rng);
  CHECK(pc.names() == std::vector<std::string>{"controller/lstm0/W", "controller/lstm0/U",
                                               "controller/lstm0/b", "controller/lstm1/W",
                                               "controller/lstm1/U", "controller/lstm1/b"});
  CHECK(pc.at("controller/lstm0/W").value.rows() == 5);
  CHECK(pc.at("controller/lstm1/W").value.rows() == 4);

  ParameterCollection single;
  RecurrentStack encoder(RnnKind::Gru, single_layer(single.scope("encoder/forward")), 3, 2, 1, rng);
  CHECK(single.names() == std::vector<std::string>{"encoder/forward/W", "encoder/forward/U_rz",
                                                   "encoder/forward/U_n", "encoder/forward/b"});
  CHECK_THROWS_AS(RecurrentStack(RnnKind::Gru, single_layer(single.scope("two")), 3, 2, 2, rng), UserError);
  CHECK_THROWS_AS(RecurrentStack(RnnKind::Lstm, numbered_layers(pc.scope("none"), "l"), 3, 2, 0, rng),
                  UserError);
}

TEST_CASE("RecurrentStack::step is the cells chained by hand, bit for bit") {
  ParameterCollection stacked_params, cell_params;
  Rng a(7), b(7);
  RecurrentStack stack(RnnKind::Lstm, numbered_layers(stacked_params.scope("m"), "lstm"), 3, 4, 2, a);
  LSTMCell bottom(cell_params.scope("m/lstm0"), 3, 4, b), top(cell_params.scope("m/lstm1"), 4, 4, b);
  Tape t;
  RecurrentStack::State state = stack.initial_state(t, 2);
  LSTMState s0 = bottom.initial_state(t, 2), s1 = top.initial_state(t, 2);
  Rng inputs(8);
  for (int step = 0; step < 3; ++step) {
    Var x = t.constant(inputs.uniform_matrix(2, 3, -1.f, 1.f));
    const Matrix out = stack.step(t, x, state).value();
    s0 = bottom(t, x, s0);
    s1 = top(t, s0.h, s1);
    CHECK(out == s1.h.value());
    CHECK(state[1].c.value() == s1.c.value());
  }
}

TEST_CASE("RecurrentStack::run: padded steps keep the state, right to left reads the sequence backwards") {
  ParameterCollection pc;
  Rng rng(3);
  RecurrentStack stack(RnnKind::Gru, numbered_layers(pc.scope("enc"), "gru"), 2, 3, 2, rng);
  Rng data(4);
  std::vector<Matrix> values;
  for (int t = 0; t < 4; ++t) values.push_back(data.uniform_matrix(2, 2, -1.f, 1.f));
  Tape tape;
  std::vector<Var> inputs, keep;
  for (const Matrix& v : values) inputs.push_back(tape.constant(v));
  // Example 0 has all four steps, example 1 only the first two.
  for (int t = 0; t < 4; ++t) keep.push_back(tape.constant(Matrix{{1.f}, {t < 2 ? 1.f : 0.f}}));
  const std::vector<Var> forward = stack.run(tape, inputs, keep, Direction::LeftToRight);
  REQUIRE(forward.size() == 4);
  CHECK(forward[3].value().row(1) == forward[1].value().row(1));
  CHECK(forward[3].value().row(0) != forward[2].value().row(0));

  std::vector<Var> reversed(inputs.rbegin(), inputs.rend());
  const std::vector<Var> all(4, tape.constant(Matrix::Ones(2, 1)));
  const std::vector<Var> backward = stack.run(tape, inputs, all, Direction::RightToLeft);
  const std::vector<Var> forward_of_reversed = stack.run(tape, reversed, all, Direction::LeftToRight);
  for (int t = 0; t < 4; ++t)
    CHECK(backward[static_cast<size_t>(t)].value() ==
          forward_of_reversed[static_cast<size_t>(3 - t)].value());
  CHECK_THROWS_AS(stack.run(tape, inputs, std::vector<Var>(3, all[0]), Direction::LeftToRight), ShapeError);
}

TEST_CASE("RecurrentStack gradients check through layers and masked steps (LSTM and GRU)") {
  for (RnnKind kind : {RnnKind::Lstm, RnnKind::Gru}) {
    ParameterCollection pc;
    Rng rng(5);
    RecurrentStack stack(kind, numbered_layers(pc.scope("s"), "layer"), 2, 3, 2, rng);
    Rng data(6);
    std::vector<Matrix> values;
    for (int t = 0; t < 3; ++t) values.push_back(data.uniform_matrix(2, 2, -1.f, 1.f));
    const auto loss = [&](Tape& tape) {
      std::vector<Var> inputs, keep;
      for (int t = 0; t < 3; ++t) {
        inputs.push_back(tape.constant(values[static_cast<size_t>(t)]));
        keep.push_back(tape.constant(Matrix{{1.f}, {t < 2 ? 1.f : 0.f}}));
      }
      const std::vector<Var> out = stack.run(tape, inputs, keep, Direction::RightToLeft);
      return sum(square(concat_rows(out)));
    };
    const GradCheckResult r = gradient_check_params(loss, pc.parameters());
    CAPTURE(kind == RnnKind::Lstm);
    CHECK_MESSAGE(r.ok, r.describe());
  }
}

TEST_SUITE_END();
