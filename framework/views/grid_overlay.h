#pragma once
// Attention over a grid of image regions drawn on the image, as Show, Attend and Tell's figures and RAM's
// grid variants show it: the image dimmed, each pixel brightened by the weight of the grid cell it lies in.
#include "framework/autodiff/matrix.h"

namespace mann {

// image: (1 x height*width) row-major pixels in [0, 1]; weights: (1 x grid_height*grid_width) row-major, one
// per cell of a grid laid evenly over the image (cell (r, c) covers rows [r h / gh, (r + 1) h / gh)).
// Returns 0.4 * pixel + 0.6 * weight / (largest weight), so every map uses the whole brightness range
// whatever its spread (the paper's figures are scaled the same way); all-zero weights leave the dimmed
// image. Wrong sizes throw std::invalid_argument.
Matrix overlay_grid_weights(const Matrix& image, int height, int width, const Matrix& weights,
                            int grid_height, int grid_width);

}  // namespace mann
