// Gradient checks and forward values for linear algebra, softmax, reductions, shape and lookup ops.
#include "tests/autodiff/gradcheck_support.h"

using namespace mann;
using mann::testing::random_matrix;
using Inputs = const std::vector<Var>&;

TEST_CASE("matmul, affine, transpose, outer") {
  const Matrix a = random_matrix(3, 4, 21), b = random_matrix(4, 5, 22), bias = random_matrix(1, 5, 23);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return matmul(v[0], v[1]); }, a, b);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return affine(v[0], v[1], v[2]); }, a, b, bias);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return transpose(v[0]); }, a);
  // a non-square matrix times its own transpose exercises both gradient paths into one input
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return matmul(v[0], transpose(v[0])); }, a);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return outer(v[0], v[1]); }, random_matrix(1, 3, 24),
                       random_matrix(1, 4, 25));
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return outer(v[0], v[1]); }, random_matrix(2, 3, 26),
                       random_matrix(2, 4, 27));
  Tape t;
  Var u = t.constant(Matrix{{1.f, 2.f}, {3.f, 4.f}});
  Var w = t.constant(Matrix{{1.f, 10.f, 100.f}, {2.f, 20.f, 200.f}});
  const Matrix o = outer(u, w).value();  // example 1 occupies rows 2..3
  CHECK(o.rows() == 4);
  CHECK(o(3, 2) == doctest::Approx(4.f * 200.f));
  CHECK(o(0, 1) == doctest::Approx(1.f * 10.f));
  CHECK_THROWS_AS(matmul(u, w.tape->constant(Matrix::Ones(3, 3))), ShapeError);
}

TEST_CASE("softmax family") {
  const Matrix x = random_matrix(3, 5, 31, -3.f, 3.f);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return softmax_rows(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return softmax_cols(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return log_softmax_rows(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return log_softmax_cols(v[0]); }, x);
  Matrix mask = Matrix::Ones(3, 5);
  mask(0, 1) = mask(2, 4) = mask(2, 0) = 0.f;
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return masked_softmax_rows(v[0], mask); }, x);

  Tape t;
  Var big = t.constant(Matrix{{1000.f, 1000.f, -1000.f}});
  const Matrix p = softmax_rows(big).value();
  CHECK(p(0, 0) == doctest::Approx(0.5f));
  CHECK(p(0, 2) == 0.f);
  CHECK(log_softmax_rows(big).value()(0, 0) == doctest::Approx(-std::log(2.f)));
  CHECK(softmax_cols(t.constant(x)).value().colwise().sum().isOnes(1e-5f));
  const Matrix masked = masked_softmax_rows(t.constant(x), mask).value();
  CHECK(masked(0, 1) == 0.f);  // masked slots receive exactly zero weight
  CHECK(masked(2, 4) == 0.f);
  CHECK(masked.rowwise().sum().isOnes(1e-5f));
  const Matrix none_allowed = masked_softmax_rows(t.constant(Matrix::Ones(1, 3)), Matrix::Zero(1, 3)).value();
  CHECK(none_allowed.isZero());
}

TEST_CASE("reductions") {
  const Matrix x = random_matrix(3, 4, 41);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return sum(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return mean(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return row_sums(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return col_sums(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return row_means(v[0]); }, x);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return col_means(v[0]); }, x);
  Tape t;
  CHECK(mean(t.constant(x)).item() == doctest::Approx(x.mean()));
  CHECK(row_sums(t.constant(x)).rows() == 3);
  CHECK(col_means(t.constant(x)).cols() == 4);
}

TEST_CASE("concat, slice, reshape, stop_gradient") {
  const Matrix a = random_matrix(2, 3, 51), b = random_matrix(2, 2, 52), c = random_matrix(4, 3, 53);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return concat_cols({v[0], v[1], v[0]}); }, a, b);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return concat_rows({v[0], v[1]}); }, a, c);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return slice_cols(v[0], 1, 2); }, a);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return slice_rows(v[0], 1, 2); }, c);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return reshape(v[0], 3, 4); }, c);

  Tape t;
  Var x = t.variable(a);
  t.backward(sum(mul(stop_gradient(x), t.constant(Matrix::Ones(2, 3)))));
  CHECK(x.grad().isZero());                                      // no gradient flows through a stopped value
  CHECK(reshape(t.constant(c), 2, 6).value()(0, 4) == c(1, 1));  // row-major order kept
  CHECK_THROWS_AS(slice_cols(t.constant(a), 2, 2), ShapeError);
  CHECK_THROWS_AS(concat_cols({t.constant(a), t.constant(c)}), ShapeError);
}

TEST_CASE("gather_rows, bag_of_words, pick") {
  const Matrix table = random_matrix(5, 3, 61);
  const std::vector<int> ids = {4, 0, 4, -1, 2, 1};
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return gather_rows(v[0], ids); }, table);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return bag_of_words(v[0], ids, 3); }, table);
  const Matrix weights = random_matrix(6, 3, 62);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return bag_of_words(v[0], ids, 2, weights); }, table);
  MANN_CHECK_GRADIENTS([](Tape&, Inputs v) { return pick(v[0], {2, -1, 0}); }, random_matrix(3, 4, 63));

  Tape t;
  Var tv = t.constant(table);
  const Matrix g = gather_rows(tv, ids).value();
  CHECK(g.row(3).isZero());  // -1 is the nil word
  CHECK(g.row(0) == table.row(4));
  const Matrix bags = bag_of_words(tv, ids, 3).value();
  CHECK(bags.row(0).isApprox(table.row(4) + table.row(0) + table.row(4)));
  CHECK(bags.row(1).isApprox(table.row(2) + table.row(1)));
  CHECK_THROWS_WITH_AS(gather_rows(tv, {5}), doctest::Contains("gather_rows: index 5"), ShapeError);
}

TEST_CASE("select_rows and overwrite_rows: a batch reading and writing its own cells") {
  const Matrix a = random_matrix(4, 3, 71), b = random_matrix(4, 3, 72), c = random_matrix(4, 3, 73);
  const std::vector<int> which = {2, -1, 0, 2};
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return select_rows({v[0], v[1], v[2]}, which); }, a, b, c);
  const std::vector<bool> replace = {true, false, true, false};
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return overwrite_rows(v[0], v[1], replace); }, a, b);
  // A cell written, then read beside its old value: each row's gradient reaches only what it read.
  MANN_CHECK_GRADIENTS(
      [&](Tape&, Inputs v) {
        Var written = overwrite_rows(v[0], tanh(v[1]), replace);
        return select_rows({v[0], written}, {1, 1, 0, -1});
      },
      a, b);

  Tape t;
  Var va = t.constant(a), vb = t.constant(b), vc = t.constant(c);
  const Matrix picked = select_rows({va, vb, vc}, which).value();
  CHECK(picked.row(0) == c.row(0));
  CHECK(picked.row(1).isZero());
  CHECK(picked.row(2) == a.row(2));
  const Matrix over = overwrite_rows(va, vb, replace).value();
  CHECK(over.row(0) == b.row(0));
  CHECK(over.row(1) == a.row(1));
  CHECK_THROWS_WITH_AS(select_rows({va, vb}, which), doctest::Contains("select_rows: choice 2 of 2"),
                       ShapeError);
  CHECK_THROWS_AS(select_rows({va, t.constant(random_matrix(4, 2, 74))}, which), ShapeError);
  CHECK_THROWS_AS(overwrite_rows(va, vb, {true}), ShapeError);
}

TEST_CASE("a parameter is bound once per graph: one leaf however often a step reads it") {
  Parameter w("w", Matrix{{2.f}});
  Parameter fixed("fixed", Matrix{{3.f}});
  fixed.trainable = false;
  Tape t;
  Var x = t.constant(Matrix{{1.f}});
  Var h = x;
  for (int step = 0; step < 5; ++step) h = mul(h, t.param(w));  // a recurrence reading w at every step
  const int nodes = t.size();
  CHECK(nodes == 1 + 1 + 5);  // x, one leaf of w, five products
  CHECK(t.param(w).id == t.param(w).id);
  CHECK(t.param(fixed).id != t.param(w).id);
  t.backward(h);
  w.grad.setZero();
  t.clear();
  // The gradient through the shared leaf is the sum over every read: d(w^5)/dw = 5 w^4.
  Var y = t.constant(Matrix{{1.f}});
  for (int step = 0; step < 5; ++step) y = mul(y, t.param(w));
  t.backward(y);
  CHECK(w.grad(0, 0) == doctest::Approx(5.f * 16.f));
  // A new graph binds anew; a leaf bound with gradients off is not reused once they are on.
  t.clear();
  t.set_grad_enabled(false);
  const Var frozen = t.param(w);
  CHECK_FALSE(t.requires_grad(frozen.id));
  t.set_grad_enabled(true);
  const Var live = t.param(w);
  CHECK(live.id != frozen.id);
  CHECK(t.requires_grad(live.id));
  CHECK(t.param(w).id == live.id);
}
