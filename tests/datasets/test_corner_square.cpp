// The corner_square toy: each class is the corner its bright square sits in, the classes are balanced, and
// sizes that do not fit are refused.
#include <doctest/doctest.h>

#include "datasets/image/corner_square.h"
#include "framework/autodiff/errors.h"

TEST_SUITE_BEGIN("datasets");

TEST_CASE("corner_square: the bright square lies in the quadrant of its label, every class equally often") {
  mann::CornerSquareOptions o;
  o.train_items = 40;
  o.eval_items = 8;
  const mann::ImageClassificationData data = mann::corner_square_data(o);
  CHECK(data.num_classes() == 4);
  CHECK(data.height() == o.side);
  const mann::ImageBatch batch = data.batch("train", {0, 1, 2, 3, 4, 5, 6, 7});
  for (int b = 0; b < batch.size(); ++b) {
    const int label = batch.labels[static_cast<std::size_t>(b)];
    CHECK(label == b % 4);
    float ink = 0, in_quadrant = 0;
    for (int y = 0; y < o.side; ++y)
      for (int x = 0; x < o.side; ++x) {
        const float p = batch.at(b, 0, y, x);
        ink += p;
        const bool right = x >= o.side / 2, bottom = y >= o.side / 2;
        if (right == (label % 2 == 1) && bottom == (label >= 2)) in_quadrant += p;
      }
    CHECK(ink == doctest::Approx(o.square * o.square));
    CHECK(in_quadrant == doctest::Approx(ink));
  }
}

TEST_CASE("corner_square: a square that does not fit its quadrant is refused") {
  mann::CornerSquareOptions o;
  o.side = 16;
  o.square = 8;
  o.max_inset = 1;
  CHECK_THROWS_AS(mann::make_corner_square_splits(o), mann::UserError);
}

TEST_SUITE_END();
