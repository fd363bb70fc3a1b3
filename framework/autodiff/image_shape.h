#pragma once
// The shape of the images in a batch. A batch of B images is a (B x C*H*W) Matrix, one image per row,
// channel-major: pixel (c, y, x) of image b is entry (b, (c*H + y)*W + x). Dataset readers produce this
// layout and the image ops (ops_image.h) read and write it.
#include <string>

#include "framework/autodiff/matrix.h"

namespace mann {

struct ImageShape {
  Index channels = 1;  // C
  Index height = 0;    // H (rows of pixels)
  Index width = 0;     // W (pixels per row)

  /// Pixels per channel: H*W.
  Index plane() const { return height * width; }
  /// Entries per image, the width of a batch matrix: C*H*W.
  Index size() const { return channels * height * width; }
  /// "(CxHxW)", for error messages.
  std::string to_string() const {
    return "(" + std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width) + ")";
  }
  bool operator==(const ImageShape&) const = default;
};

}  // namespace mann
