#pragma once
// A batch of images for a model, in the layout the image ops (convolution, pooling, glimpses) take:
//
//   pixels: a (B x C*H*W) Matrix, one image per row; pixel (c, y, x) of image b is
//           pixels(b, (c * H + y) * W + x), so each channel is a row-major H x W plane (y down, x right)
//           and the channels follow one another. Values are in [0, 1] (0 is background).
//
// Greyscale datasets (Fashion-MNIST) have C = 1, so a row is simply the image row by row: index y * W + x.
#include <vector>

#include "framework/autodiff/matrix.h"

namespace mann {

struct ImageBatch {
  Matrix pixels;            // B x (channels * height * width), laid out as described above
  int height = 0;           // H, rows of each image
  int width = 0;            // W, columns of each image
  int channels = 1;         // C; 1 for greyscale
  std::vector<int> labels;  // B class indices, labels[b] belongs to row b

  // Number of images (B).
  int size() const { return static_cast<int>(labels.size()); }
  // Column of pixel (c, y, x) in `pixels`.
  Index column(int c, int y, int x) const { return (static_cast<Index>(c) * height + y) * width + x; }
  // Pixel (c, y, x) of image b.
  float at(int b, int c, int y, int x) const { return pixels(b, column(c, y, x)); }
};

}  // namespace mann
