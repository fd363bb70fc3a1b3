// The tape's multiply-add count (Tape::multiply_adds): each product op adds what it computes, counted by
// hand here, element-wise ops add nothing, and clear() starts the count over.
#include "framework/autodiff/ops_image.h"
#include "tests/autodiff/gradcheck_support.h"

using namespace mann;
using mann::testing::random_matrix;

TEST_CASE("multiply-adds of the product ops, counted by hand") {
  Tape t;
  const Var x = t.constant(random_matrix(5, 7, 1));  // 5 examples of 7 features
  const Var W = t.constant(random_matrix(7, 3, 2));
  const Var b = t.constant(random_matrix(1, 3, 3));
  CHECK(t.multiply_adds() == 0);

  matmul(x, W);
  CHECK(t.multiply_adds() == 5 * 7 * 3);
  affine(x, W, b);
  CHECK(t.multiply_adds() == 2 * 5 * 7 * 3);

  t.clear();
  CHECK(t.multiply_adds() == 0);

  // 4 examples, memories of 6 slots of width 5: scores and reads are 4 * 6 * 5 each.
  const Var memory = t.constant(random_matrix(4 * 6, 5, 4));
  const Var query = t.constant(random_matrix(4, 5, 5));
  const Var weights = t.constant(random_matrix(4, 6, 6));
  memory_dot(memory, query);
  CHECK(t.multiply_adds() == 4 * 6 * 5);
  memory_cosine(memory, query, 1e-6f);
  CHECK(t.multiply_adds() == 2 * 4 * 6 * 5);
  memory_read(weights, memory);
  CHECK(t.multiply_adds() == 3 * 4 * 6 * 5);
  outer(weights, query);  // 4 examples of 6 x 5
  CHECK(t.multiply_adds() == 4 * 4 * 6 * 5);
  circular_conv(weights, t.constant(random_matrix(4, 3, 7)));  // 4 examples, 6 slots, 3 shifts
  CHECK(t.multiply_adds() == 4 * 4 * 6 * 5 + 4 * 6 * 3);

  // Element-wise ops, softmax and reductions count none.
  const int64_t before = t.multiply_adds();
  sum(tanh(mul(weights, weights)));
  softmax_rows(weights);
  CHECK(t.multiply_adds() == before);
}

TEST_CASE("multiply-adds of a convolution: filters x taps x output pixels x images; pooling none") {
  const ImageShape shape{2, 6, 6};  // 2 channels of 6x6, 3 images, 4 filters of 2 x 3x3
  const Matrix images = random_matrix(3, shape.size(), 8);
  const Matrix weight = random_matrix(4, 2 * 3 * 3, 9), bias = random_matrix(1, 4, 10);
  const auto conv_multiply_adds = [&](Index stride, Index padding) {
    Tape t;
    conv2d(t.constant(images), shape, t.constant(weight), t.constant(bias), stride, padding);
    return t.multiply_adds();
  };
  CHECK(conv_multiply_adds(1, 0) == int64_t{4} * (2 * 3 * 3) * (4 * 4) * 3);  // 4x4 output pixels
  CHECK(conv_multiply_adds(2, 1) == int64_t{4} * (2 * 3 * 3) * (3 * 3) * 3);  // 3x3 output pixels

  Tape t;
  max_pool2d(t.constant(images), shape, 2, 2);
  avg_pool2d(t.constant(images), shape, 2, 2);
  CHECK(t.multiply_adds() == 0);
}
