// Image ops: conv2d, max/avg pooling and the glimpse sensor. Forward values against hand-computed examples
// and a direct (loop) convolution, gradient checks with stride, padding, several channels, a batch and
// glimpses that cross the image border, and shape errors.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "framework/autodiff/ops_image.h"
#include "tests/autodiff/gradcheck_support.h"

using namespace mann;
using mann::testing::random_matrix;
using Inputs = const std::vector<Var>&;

namespace {

// One image per row holding first, first + 1, ... in layout order.
Matrix counting_images(Index batch, const ImageShape& shape, float first = 0.f) {
  Matrix m(batch, shape.size());
  std::iota(m.data(), m.data() + m.size(), first);
  return m;
}

// Distinct values at least `gap` apart in a random order: max pooling's argmax then stays put under the
// gradient check's perturbations (step 1e-2).
Matrix distinct_images(Index batch, const ImageShape& shape, uint64_t seed, float gap = 0.05f) {
  Matrix m = counting_images(batch, shape);
  std::vector<float> values(m.data(), m.data() + m.size());
  Rng rng(seed);
  for (size_t i = values.size(); i > 1; --i)
    std::swap(values[i - 1], values[static_cast<size_t>(rng.uniform_int(static_cast<int>(i)))]);
  for (size_t i = 0; i < values.size(); ++i) m.data()[i] = gap * values[i] - 1.f;
  return m;
}

// The convolution written as its definition, for comparison.
Matrix direct_conv2d(const Matrix& x, const ImageShape& in, const Matrix& weight, const Matrix& bias,
                     Index stride, Index padding) {
  const Index k = static_cast<Index>(std::lround(std::sqrt(weight.cols() / in.channels)));
  const ImageShape out = conv2d_output_shape(in, weight.rows(), k, stride, padding);
  Matrix y(x.rows(), out.size());
  for (Index b = 0; b < x.rows(); ++b)
    for (Index o = 0; o < out.channels; ++o)
      for (Index oy = 0; oy < out.height; ++oy)
        for (Index ox = 0; ox < out.width; ++ox) {
          float s = bias(0, o);
          for (Index c = 0; c < in.channels; ++c)
            for (Index ky = 0; ky < k; ++ky)
              for (Index kx = 0; kx < k; ++kx) {
                const Index iy = oy * stride - padding + ky, ix = ox * stride - padding + kx;
                if (iy < 0 || iy >= in.height || ix < 0 || ix >= in.width) continue;
                s += weight(o, (c * k + ky) * k + kx) * x(b, (c * in.height + iy) * in.width + ix);
              }
          y(b, (o * out.height + oy) * out.width + ox) = s;
        }
  return y;
}

}  // namespace

TEST_SUITE_BEGIN("image");

TEST_CASE("conv2d forward: a 4x4 image and a 2x2 kernel, with and without stride and padding") {
  const ImageShape in{1, 4, 4};
  Tape t;
  Var x = t.constant(counting_images(1, in));  // pixel (y, x) = 4y + x
  Var w = t.constant(Matrix{{1, 2, 3, 4}});
  Var b = t.constant(Matrix{{0.5f}});
  // out(y, x) = in(y, x) + 2 in(y, x+1) + 3 in(y+1, x) + 4 in(y+1, x+1) = 10 (4y + x) + 34, plus the bias
  const Matrix plain = conv2d(x, in, w, b).value();
  REQUIRE(plain.cols() == 9);
  CHECK(plain(0, 0) == doctest::Approx(34.5f));
  CHECK(plain(0, 5) == doctest::Approx(10 * (4 * 1 + 2) + 34.5f));  // (y, x) = (1, 2)
  CHECK(plain(0, 8) == doctest::Approx(134.5f));
  // stride 2, padding 1: 3x3 outputs whose taps start at (-1, -1), (-1, 1), (-1, 3), (1, -1), ...
  const Matrix strided = conv2d(x, in, w, b, 2, 1).value();
  REQUIRE(strided.cols() == 9);
  const float expected[9] = {4 * 0,           3 * 1 + 4 * 2,
                             3 * 3,  //
                             2 * 4 + 4 * 8,   1 * 5 + 2 * 6 + 3 * 9 + 4 * 10,
                             1 * 7 + 3 * 11,  2 * 12,
                             1 * 13 + 2 * 14, 1 * 15};
  for (Index j = 0; j < 9; ++j) {
    CAPTURE(j);
    CHECK(strided(0, j) == doctest::Approx(expected[j] + 0.5f));
  }
  CHECK(conv2d_output_shape(in, 1, 2, 2, 1) == ImageShape{1, 3, 3});
}

TEST_CASE("conv2d matches the direct convolution: channels, batch, non-square images, stride, padding") {
  const ImageShape in{2, 5, 6};
  const Matrix x = random_matrix(3, in.size(), 101);
  struct Case {
    Index k, stride, padding;
  };
  for (const Case c : {Case{3, 1, 0}, Case{3, 2, 1}, Case{2, 3, 2}, Case{1, 2, 0}}) {
    const Index k = c.k, stride = c.stride, padding = c.padding;
    CAPTURE(k);
    CAPTURE(stride);
    CAPTURE(padding);
    const Matrix w = random_matrix(4, in.channels * k * k, 102), bias = random_matrix(1, 4, 103);
    Tape t;
    const Matrix y = conv2d(t.constant(x), in, t.constant(w), t.constant(bias), stride, padding).value();
    const Matrix reference = direct_conv2d(x, in, w, bias, stride, padding);
    REQUIRE(y.cols() == conv2d_output_shape(in, 4, k, stride, padding).size());
    CHECK((y - reference).cwiseAbs().maxCoeff() < 1e-5f);
  }
}

TEST_CASE("conv2d gradients w.r.t. input, weight and bias") {
  const ImageShape in{2, 5, 6};
  const Matrix x = random_matrix(2, in.size(), 111);
  const Matrix w3 = random_matrix(3, 2 * 9, 112), w2 = random_matrix(3, 2 * 4, 113);
  const Matrix bias = random_matrix(1, 3, 114);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return conv2d(v[0], in, v[1], v[2], 2, 1); }, x, w3, bias);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return conv2d(v[0], in, v[1], v[2], 1, 0); }, x, w3, bias);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return conv2d(v[0], in, v[1], v[2], 3, 2); }, x, w2, bias);
  // Two convolutions in a row: the second reads the first's (3 x 3 x 3) output.
  const ImageShape mid = conv2d_output_shape(in, 3, 3, 2, 1);
  const Matrix w_next = random_matrix(2, 3 * 4, 115), b_next = random_matrix(1, 2, 116);
  MANN_CHECK_GRADIENTS(
      [&](Tape& t, Inputs v) {
        return conv2d(tanh(conv2d(v[0], in, v[1], v[2], 2, 1)), mid, t.constant(w_next), t.constant(b_next),
                      1, 1);
      },
      x, w3, bias);
}

TEST_CASE("max and avg pooling forward: a 4x4 image") {
  const ImageShape in{1, 4, 4};
  Tape t;
  Var x = t.constant(counting_images(1, in));
  CHECK(max_pool2d(x, in, 2, 2).value() == Matrix{{5, 7, 13, 15}});
  CHECK(avg_pool2d(x, in, 2, 2).value() == Matrix{{2.5f, 4.5f, 10.5f, 12.5f}});
  // overlapping windows (stride 1): 3x3 outputs
  const Matrix overlapping = max_pool2d(x, in, 2, 1).value();
  CHECK(overlapping.cols() == 9);
  CHECK(overlapping(0, 4) == 10.f);
  CHECK(avg_pool2d(x, in, 3, 1).value() == Matrix{{5, 6, 9, 10}});
  // a window that does not tile the image leaves the last row and column out
  CHECK(pool2d_output_shape({2, 5, 5}, 2, 2) == ImageShape{2, 2, 2});
}

TEST_CASE("max pooling sends the gradient to the maximum, the first one on ties") {
  const ImageShape in{1, 2, 4};
  Tape t;
  Var x = t.variable(Matrix{{1, 3, 2, 2, /* second row */ 3, 0, 2, 2}});
  Var y = max_pool2d(x, in, 2, 2);
  CHECK(y.value() == Matrix{{3, 2}});
  t.backward(y, Matrix{{1, 10}});
  CHECK(x.grad() == Matrix{{0, 1, 10, 0, 0, 0, 0, 0}});
}

TEST_CASE("pooling gradients: channels, batch, overlapping and non-tiling windows") {
  const ImageShape in{2, 5, 5};
  const Matrix x = distinct_images(2, in, 121);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return max_pool2d(v[0], in, 2, 2); }, x);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return max_pool2d(v[0], in, 3, 1); }, x);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return avg_pool2d(v[0], in, 2, 2); }, x);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return avg_pool2d(v[0], in, 3, 1); }, x);
  // Pixels no window covers get no gradient.
  Tape t;
  Var xv = t.variable(x);
  t.backward(sum(avg_pool2d(xv, in, 2, 2)));
  CHECK(xv.grad().row(0)(4) == 0.f);         // (c, y, x) = (0, 0, 4): last column
  CHECK(xv.grad().row(1)(25 + 20) == 0.f);   // (1, 4, 0): last row
  CHECK(xv.grad().row(1)(25 + 6) == 0.25f);  // (1, 1, 1)
}

TEST_CASE("glimpse forward: positions, scales, the x/y convention, zeros outside, channel layout") {
  const ImageShape in{1, 4, 4};
  Tape t;
  Var x = t.constant(counting_images(1, in, 1.f));  // pixel (y, x) = 4y + x + 1
  CHECK(glimpse_output_shape(in, 2, 2) == ImageShape{2, 2, 2});
  // Centre: the 2x2 patch covers pixels 1..2; the 4x4 one is the image, averaged in 2x2 blocks.
  CHECK(glimpse(x, in, Matrix{{0, 0}}, 2, 2).value() == Matrix{{6, 7, 10, 11, 3.5f, 5.5f, 11.5f, 13.5f}});
  // Top-left corner: the patches start at -1 and -2; only pixel (0, 0) (and its block) is inside.
  CHECK(glimpse(x, in, Matrix{{-1, -1}}, 2, 2).value() == Matrix{{0, 0, 0, 1, 0, 0, 0, 3.5f}});
  // x = right edge, y = top edge: column 0 of the location is horizontal.
  CHECK(glimpse(x, in, Matrix{{1, -1}}, 2, 1).value() == Matrix{{0, 0, 4, 0}});
  // Rounding to the nearest pixel: u = (l + 1)/2 * 4 = 2.6 starts the patch at round(1.6) = 2, u = 2.4 at 1.
  CHECK(glimpse(x, in, Matrix{{0.3f, -0.5f}}, 2, 1).value() == Matrix{{3, 4, 7, 8}});
  CHECK(glimpse(x, in, Matrix{{0.2f, -0.5f}}, 2, 1).value() == Matrix{{2, 3, 6, 7}});
  // Odd patch: side 3 at the centre starts at round(2 - 1.5) = 1 (halves round up).
  CHECK(glimpse(x, in, Matrix{{0, 0}}, 3, 1).value().row(0).head(3) == Matrix{{6, 7, 8}});
  // Far outside: every patch sees only zeros.
  CHECK(glimpse(x, in, Matrix{{50, -80}}, 2, 3).value().isZero());

  // Two channels, two scales: output channel i*C + c is channel c at scale i.
  const ImageShape two{2, 4, 4};
  Var x2 = t.constant(counting_images(1, two, 1.f));  // channel 1 is channel 0 + 16
  const Matrix g = glimpse(x2, two, Matrix{{0, 0}}, 2, 2).value();
  REQUIRE(g.cols() == 16);
  CHECK(g.row(0).segment(0, 4) == Matrix{{6, 7, 10, 11}});
  CHECK(g.row(0).segment(4, 4) == Matrix{{22, 23, 26, 27}});
  CHECK(g.row(0).segment(8, 4) == Matrix{{3.5f, 5.5f, 11.5f, 13.5f}});
  CHECK(g.row(0).segment(12, 4) == Matrix{{19.5f, 21.5f, 27.5f, 29.5f}});
}

TEST_CASE("glimpse gradient w.r.t. the image, with patches across the border") {
  const ImageShape in{2, 7, 6};
  const Matrix x = random_matrix(3, in.size(), 131);
  // The centre, near the bottom-left corner, and outside the top-right one; 3 scales of sides 2, 4, 8.
  const Matrix location{{0.1f, -0.2f}, {-0.9f, 0.95f}, {1.3f, -1.2f}};
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return glimpse(v[0], in, location, 2, 3); }, x);
  MANN_CHECK_GRADIENTS([&](Tape&, Inputs v) { return glimpse(v[0], in, location, 3, 2); }, x);
  // Each output pixel of scale i passes 1/4^i to each of its block's pixels inside the image: a pixel deep
  // inside all patches of an example receives sum_i 1/4^i.
  Tape t;
  Var xv = t.variable(Matrix::Zero(1, 36));
  t.backward(sum(glimpse(xv, {1, 6, 6}, Matrix{{0, 0}}, 2, 3)));
  CHECK(xv.grad()(0, 2 * 6 + 2) == doctest::Approx(1.f + 0.25f + 0.0625f));
  CHECK(xv.grad()(0, 0) == doctest::Approx(0.0625f));  // (0, 0): only in the largest patch
}

TEST_CASE("image ops reject shapes that do not fit") {
  Tape t;
  const ImageShape in{2, 4, 4};
  Var x = t.constant(Matrix::Zero(2, 32));
  Var w = t.constant(Matrix::Zero(3, 18)), b = t.constant(Matrix::Zero(1, 3));
  CHECK_NOTHROW(conv2d(x, in, w, b, 1, 1));
  CHECK_THROWS_WITH_AS(conv2d(x, {1, 4, 4}, w, b), doctest::Contains("(2x32)"), ShapeError);
  CHECK_THROWS_WITH_AS(conv2d(x, {1, 4, 4}, w, b), doctest::Contains("(1x4x4)"), ShapeError);
  CHECK_THROWS_WITH_AS(conv2d(x, in, t.constant(Matrix::Zero(3, 17)), b), doctest::Contains("conv2d"),
                       ShapeError);
  CHECK_THROWS_AS(conv2d(x, in, w, t.constant(Matrix::Zero(1, 2))), ShapeError);
  CHECK_THROWS_AS(conv2d(x, in, t.constant(Matrix::Zero(3, 2 * 25)), b), ShapeError);  // 5x5 > 4x4
  CHECK_THROWS_AS(conv2d(x, in, w, b, 0, 0), ShapeError);
  CHECK_THROWS_WITH_AS(max_pool2d(x, {2, 4, 3}, 2, 2), doctest::Contains("max_pool2d"), ShapeError);
  CHECK_THROWS_AS(avg_pool2d(x, in, 5, 1), ShapeError);
  CHECK_THROWS_AS(max_pool2d(x, in, 2, 0), ShapeError);
  CHECK_THROWS_WITH_AS(glimpse(x, {2, 4, 5}, Matrix::Zero(2, 2), 2, 2), doctest::Contains("glimpse"),
                       ShapeError);
  CHECK_THROWS_AS(glimpse(x, in, Matrix::Zero(3, 2), 2, 2), ShapeError);
  CHECK_THROWS_AS(glimpse(x, in, Matrix::Zero(2, 2), 0, 2), ShapeError);
  CHECK_THROWS_AS(glimpse(x, in, Matrix::Constant(2, 2, NAN), 2, 2), std::domain_error);
}

TEST_SUITE_END();
