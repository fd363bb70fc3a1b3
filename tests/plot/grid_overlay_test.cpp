// Attention over grid cells laid on an image (framework/views/grid_overlay.h).
#include <doctest/doctest.h>

#include <stdexcept>

#include "framework/views/grid_overlay.h"

TEST_CASE("grid overlay: each pixel takes its cell's weight, scaled by the largest, over the dimmed image") {
  mann::Matrix image = mann::Matrix::Zero(1, 4 * 6);  // 4 rows x 6 columns
  image(0, 0) = 1.f;
  mann::Matrix weights(1, 2 * 3);  // 2 x 3 cells of 2 x 2 pixels
  weights << 0.f, 0.5f, 0.f, 0.f, 0.f, 0.25f;
  const mann::Matrix out = mann::overlay_grid_weights(image, 4, 6, weights, 2, 3);
  CHECK(out(0, 0) == doctest::Approx(0.4f));          // cell (0,0): weight 0, pixel dimmed
  CHECK(out(0, 2) == doctest::Approx(0.6f));          // cell (0,1): the largest weight, full gain
  CHECK(out(0, 1 * 6 + 3) == doctest::Approx(0.6f));  // row 1, column 3: still cell (0,1)
  CHECK(out(0, 2 * 6 + 4) == doctest::Approx(0.3f));  // cell (1,2): half the largest
  CHECK(out(0, 3 * 6 + 1) == doctest::Approx(0.f));
  CHECK(mann::overlay_grid_weights(image, 4, 6, mann::Matrix::Zero(1, 6), 2, 3)(0, 0) ==
        doctest::Approx(0.4f));
  CHECK_THROWS_AS(mann::overlay_grid_weights(image, 4, 6, weights, 3, 3), std::invalid_argument);
  CHECK_THROWS_AS(mann::overlay_grid_weights(image, 5, 6, weights, 2, 3), std::invalid_argument);
}
