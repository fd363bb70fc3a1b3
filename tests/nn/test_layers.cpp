#include <doctest/doctest.h>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "framework/nn/embedding.h"
#include "framework/nn/gru_cell.h"
#include "framework/nn/linear.h"
#include "framework/nn/lstm_cell.h"
#include "framework/nn/mlp.h"

using namespace mann;

namespace {

// The message of the exception f throws (fails the test if it throws nothing or something else).
template <class E, class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  FAIL("expected an exception");
  return "";
}

void check_grads(const std::function<Var(Tape&)>& f, const std::vector<Parameter*>& params) {
  const GradCheckResult r = gradient_check_params(f, params);
  CAPTURE(r.describe());
  CAPTURE(r.max_error);
  CHECK(r.ok);
}

}  // namespace

TEST_CASE("Linear: value, gradients, no-bias and tied-transposed variants") {
  ParameterCollection pc;
  Rng rng(1);
  Linear lin(pc.scope("net/out"), 4, 3, rng, {.bias_init = Init::normal(0, 0.5f)});
  CHECK(lin.weight().name == "net/out/W");
  CHECK(lin.bias()->name == "net/out/b");
  const Matrix x = rng.normal_matrix(5, 4, 0, 1);

  Tape tape;
  Var y = lin(tape, tape.constant(x));
  const Matrix expected = (x * lin.weight().value).rowwise() + lin.bias()->value.row(0);
  CHECK((y.value() - expected).cwiseAbs().maxCoeff() < 1e-5f);

  check_grads([&](Tape& t) { return lin(t, t.constant(x)); }, pc.parameters());
  const GradCheckResult wrt_input =
      gradient_check([&](Tape& t, const std::vector<Var>& in) { return lin(t, in[0]); }, {x});
  CHECK(wrt_input.ok);

  Linear nobias(pc.scope("net/nobias"), 4, 2, rng, {.bias = false});
  CHECK(nobias.bias() == nullptr);
  CHECK_FALSE(pc.contains("net/nobias/b"));
  check_grads([&](Tape& t) { return nobias(t, t.constant(x)); }, {&nobias.weight()});

  // Tied: a (3 x 4) table used as a 4 -> 3 layer, y = x E^T.
  Parameter& table = pc.scope("net/emb").add("E", 3, 4, Init::normal(0, 1));
  Linear tied = Linear::tied("net/tied", table, nullptr, /*transposed=*/true);
  CHECK(tied.in_features() == 4);
  CHECK(tied.out_features() == 3);
  Tape t2;
  CHECK((tied(t2, t2.constant(x)).value() - x * table.value.transpose()).cwiseAbs().maxCoeff() < 1e-5f);
  check_grads([&](Tape& t) { return tied(t, t.constant(x)); }, {&table});
}

TEST_CASE("Linear: shape errors name the module and the shapes") {
  ParameterCollection pc;
  Rng rng(1);
  Linear lin(pc.scope("model/hop2/proj"), 4, 3, rng);
  Tape tape;
  const std::string msg = message_of<ShapeError>([&] { lin(tape, tape.constant(2, 5, 0.f)); });
  CHECK(msg.find("model/hop2/proj") != std::string::npos);
  CHECK(msg.find("(2x5)") != std::string::npos);
}

TEST_CASE("Embedding: lookup with nil id, gradients, bags, range check") {
  ParameterCollection pc;
  Rng rng(2);
  Embedding emb(pc.scope("A"), 6, 3, rng);
  Tape tape;
  Var y = emb.lookup(tape, {2, -1, 5, 2});
  CHECK(y.rows() == 4);
  CHECK(y.value().row(0) == emb.table().value.row(2));
  CHECK(y.value().row(1).isZero());
  check_grads([&](Tape& t) { return emb(t, {2, -1, 5, 2, 0}); }, {&emb.table()});

  Var bags = emb.bag(tape, {1, 2, -1, 3, 3, 4}, 3);
  CHECK(bags.rows() == 2);
  const Matrix& E = emb.table().value;
  CHECK((bags.value().row(0) - (E.row(1) + E.row(2))).cwiseAbs().maxCoeff() < 1e-6f);
  check_grads([&](Tape& t) { return emb.bag(t, {1, 2, -1, 3, 3, 4}, 3); }, {&emb.table()});

  const std::string msg = message_of<ShapeError>([&] { emb.lookup(tape, {0, 6}); });
  CHECK(msg.find("'A'") != std::string::npos);
  CHECK(msg.find("id 6") != std::string::npos);
  CHECK_THROWS_AS(emb.lookup(tape, {-2}), ShapeError);
  CHECK_THROWS_AS(emb.bag(tape, {1, 2, 3}, 2), ShapeError);

  Embedding tied = Embedding::tied("B", emb.table());
  CHECK(&tied.table() == &emb.table());
}

TEST_CASE("LSTMCell: parameters, initial state, gradients over 2 unrolled steps") {
  ParameterCollection pc;
  Rng rng(3);
  LSTMCell cell(pc.scope("ctrl"), 3, 4, rng);
  CHECK(cell.W().value.rows() == 3);
  CHECK(cell.U().value.cols() == 16);
  CHECK(cell.b().value.middleCols(4, 4).isConstant(1.f));  // forget bias
  CHECK(cell.b().value.leftCols(4).isZero());
  // Each recurrent gate block is orthogonal.
  const Matrix u1 = cell.U().value.middleCols(4, 4);
  CHECK((u1.transpose() * u1 - Matrix::Identity(4, 4)).cwiseAbs().maxCoeff() < 1e-5f);

  Tape tape;
  LSTMState s0 = cell.initial_state(tape, 2);
  CHECK(s0.h.value().isZero());
  CHECK(s0.c.rows() == 2);

  const Matrix x1 = rng.normal_matrix(2, 3, 0, 1), x2 = rng.normal_matrix(2, 3, 0, 1);
  const Matrix h0 = rng.normal_matrix(2, 4, 0, 0.5f), c0 = rng.normal_matrix(2, 4, 0, 0.5f);
  auto unrolled = [&](Tape& t) {
    LSTMState s{t.constant(h0), t.constant(c0)};
    s = cell(t, t.constant(x1), s);
    s = cell(t, t.constant(x2), s);
    return concat_cols({s.h, s.c});
  };
  check_grads(unrolled, pc.parameters());

  // Gradient flows into the inputs and the initial state too.
  const GradCheckResult r = gradient_check(
      [&](Tape& t, const std::vector<Var>& in) {
        LSTMState s{in[1], in[2]};
        s = cell(t, in[0], s);
        s = cell(t, in[0], s);
        return concat_cols({s.h, s.c});
      },
      {x1, h0, c0});
  CAPTURE(r.describe());
  CHECK(r.ok);

  // One step against a hand computation.
  Tape t1;
  LSTMState s1 = cell(t1, t1.constant(x1), {t1.constant(h0), t1.constant(c0)});
  const Matrix z = ((x1 * cell.W().value + h0 * cell.U().value).rowwise() + cell.b().value.row(0)).eval();
  auto sig = [](const Matrix& m) { return Matrix((1.f + (-m.array()).exp()).inverse()); };
  const Matrix c1 = sig(z.middleCols(4, 4)).cwiseProduct(c0) +
                    sig(z.leftCols(4)).cwiseProduct(Matrix(z.middleCols(8, 4).array().tanh()));
  const Matrix h1 = sig(z.rightCols(4)).cwiseProduct(Matrix(c1.array().tanh()));
  CHECK((s1.c.value() - c1).cwiseAbs().maxCoeff() < 1e-5f);
  CHECK((s1.h.value() - h1).cwiseAbs().maxCoeff() < 1e-5f);

  CHECK_THROWS_WITH_AS(cell(t1, t1.constant(2, 5, 0.f), s1), doctest::Contains("ctrl"), ShapeError);
  CHECK_THROWS_AS(cell(t1, t1.constant(3, 3, 0.f), s1), ShapeError);  // batch mismatch with the state
}

TEST_CASE("GRUCell: gradients over 2 unrolled steps, hand-computed step") {
  ParameterCollection pc;
  Rng rng(4);
  GRUCell cell(pc.scope("gru"), 3, 4, rng);
  CHECK(pc.names() == std::vector<std::string>{"gru/W", "gru/U_rz", "gru/U_n", "gru/b"});
  pc.at("gru/b").value = rng.normal_matrix(1, 12, 0, 0.5f);
  const Matrix x1 = rng.normal_matrix(2, 3, 0, 1), x2 = rng.normal_matrix(2, 3, 0, 1);
  const Matrix h0 = rng.normal_matrix(2, 4, 0, 0.5f);
  check_grads(
      [&](Tape& t) {
        Var h = cell(t, t.constant(x1), t.constant(h0));
        return cell(t, t.constant(x2), h);
      },
      pc.parameters());
  const GradCheckResult r = gradient_check(
      [&](Tape& t, const std::vector<Var>& in) { return cell(t, in[0], cell(t, in[0], in[1])); }, {x1, h0});
  CAPTURE(r.describe());
  CHECK(r.ok);

  Tape tape;
  CHECK(cell.initial_state(tape, 5).value() == Matrix::Zero(5, 4));
  Var h1 = cell(tape, tape.constant(x1), tape.constant(h0));
  auto sig = [](const Matrix& m) { return Matrix((1.f + (-m.array()).exp()).inverse()); };
  const Matrix& b = pc.at("gru/b").value;
  const Matrix zx = (x1 * pc.at("gru/W").value).rowwise() + b.row(0);
  const Matrix rz = sig(zx.leftCols(8) + h0 * pc.at("gru/U_rz").value);
  const Matrix r_ = rz.leftCols(4), z = rz.rightCols(4);
  const Matrix n = (zx.rightCols(4) + r_.cwiseProduct(h0) * pc.at("gru/U_n").value).array().tanh().matrix();
  const Matrix expected = z.cwiseProduct(h0) + (1.f - z.array()).matrix().cwiseProduct(n);
  CHECK((h1.value() - expected).cwiseAbs().maxCoeff() < 1e-5f);
  CHECK_THROWS_WITH_AS(cell(tape, tape.constant(x1), tape.constant(2, 3, 0.f)), doctest::Contains("gru"),
                       ShapeError);
}

TEST_CASE("MLP: structure, activations, gradients") {
  for (const Activation act : {Activation::Tanh, Activation::Relu, Activation::Sigmoid, Activation::None}) {
    CAPTURE(std::string(enum_name(act)));
    ParameterCollection pc;
    Rng rng(5);
    MLP mlp(pc.scope("mlp"), {3, 5, 4, 2}, rng, {.activation = act});
    CHECK(mlp.layers().size() == 3);
    CHECK(pc.contains("mlp/layer2/b"));
    CHECK(pc.count() == 3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
    Matrix x = rng.normal_matrix(4, 3, 0, 1);
    if (act == Activation::Relu) {
      // Finite differences are meaningless across the kink: redraw until every pre-activation is clear of 0.
      auto min_abs_preactivation = [&] {
        Tape t;
        Var h = t.constant(x);
        float m = 1e9f;
        for (size_t k = 0; k < mlp.layers().size(); ++k) {
          h = mlp.layers()[k](t, h);
          m = std::min(m, h.value().cwiseAbs().minCoeff());
          h = relu(h);
        }
        return m;
      };
      while (min_abs_preactivation() < 0.1f) x = rng.normal_matrix(4, 3, 0, 1);
    }
    check_grads([&](Tape& t) { return mlp(t, t.constant(x)); }, pc.parameters());
    Tape tape;
    CHECK_THROWS_WITH_AS(mlp(tape, tape.constant(4, 2, 0.f)), doctest::Contains("mlp"), ShapeError);
  }
  ParameterCollection pc;
  Rng rng(1);
  CHECK_THROWS_AS(MLP(pc.scope("m"), {3}, rng), ShapeError);
}
