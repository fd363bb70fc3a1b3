#include "framework/views/grid_overlay.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mann {

Matrix overlay_grid_weights(const Matrix& image, int height, int width, const Matrix& weights,
                            int grid_height, int grid_width) {
  if (height <= 0 || width <= 0 || grid_height <= 0 || grid_width <= 0 || image.rows() != 1 ||
      image.cols() != static_cast<Index>(height) * width || weights.rows() != 1 ||
      weights.cols() != static_cast<Index>(grid_height) * grid_width)
    throw std::invalid_argument("overlay_grid_weights: a " + std::to_string(image.cols()) +
                                "-pixel image as " + std::to_string(height) + "x" + std::to_string(width) +
                                " with " + std::to_string(weights.cols()) + " weights as " +
                                std::to_string(grid_height) + "x" + std::to_string(grid_width));
  const float largest = weights.maxCoeff();
  const float gain = largest > 0.f ? 0.6f / largest : 0.f;
  Matrix out(1, image.cols());
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const Index cell = static_cast<Index>(y * grid_height / height) * grid_width + x * grid_width / width;
      const Index pixel = static_cast<Index>(y) * width + x;
      out(0, pixel) = std::min(1.f, 0.4f * image(0, pixel) + gain * weights(0, cell));
    }
  return out;
}

}  // namespace mann
