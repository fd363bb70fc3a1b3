#pragma once
// Image ops: 2-D convolution, max and average pooling, and the multi-resolution glimpse sensor of the
// recurrent attention model (Mnih et al. 2014, "Recurrent Models of Visual Attention").
//
// Every image argument is a batch (B x C*H*W) in the layout of image_shape.h, described by an ImageShape;
// an input whose width is not shape.size() is a ShapeError naming the op and both shapes. Results use the
// same layout, and the *_output_shape functions give their ImageShape, to chain ops.
#include "framework/autodiff/image_shape.h"
#include "framework/autodiff/tape.h"

namespace mann {

// The shape conv2d produces from `input` with `out_channels` filters of kernel x kernel pixels:
// H_out = (H + 2 padding - kernel) / stride + 1 (rounded down), W_out alike. Throws ShapeError when the
// kernel does not fit the padded image or kernel, stride < 1, padding < 0.
ImageShape conv2d_output_shape(const ImageShape& input, Index out_channels, Index kernel, Index stride,
                               Index padding);

// 2-D cross-correlation (the "convolution" of deep learning), square kernels, zero padding:
//   out(b, o, y, x) = bias(o) + sum_{c, ky, kx} weight(o, (c*k + ky)*k + kx) in(b, c, iy, ix),
//   iy = y*stride - padding + ky,  ix = x*stride - padding + kx,
// with pixels outside the image read as 0. weight is (C_out x C*k*k): one filter per row, laid out as a
// small C x k x k image, and k follows from its width; bias is (1 x C_out). Result (B x C_out*H_out*W_out),
// shape conv2d_output_shape(shape, C_out, k, stride, padding). Differentiable w.r.t. x, weight and bias.
// Computed as im2col and one matrix product for the whole batch.
Var conv2d(Var x, const ImageShape& shape, Var weight, Var bias, Index stride = 1, Index padding = 0);

// The shape a kernel x kernel pooling window moved by `stride` produces (no padding): H_out =
// (H - kernel) / stride + 1, rounded down; channels unchanged. Throws ShapeError when the window does not
// fit the image or kernel, stride < 1.
ImageShape pool2d_output_shape(const ImageShape& input, Index kernel, Index stride);

// The largest pixel of each window, per channel; shape pool2d_output_shape(shape, kernel, stride). The
// gradient goes to that pixel only; on ties, to the first in row-major order within the window.
Var max_pool2d(Var x, const ImageShape& shape, Index kernel, Index stride);
// The mean of each window, per channel; shape pool2d_output_shape(shape, kernel, stride).
Var avg_pool2d(Var x, const ImageShape& shape, Index kernel, Index stride);

// The shape glimpse produces: (C*scales x patch_size x patch_size), scale-major (below).
ImageShape glimpse_output_shape(const ImageShape& input, Index patch_size, Index scales);

// The glimpse sensor: `scales` square patches centred at one location per image, the first patch_size
// pixels on a side and each next one twice the side of the previous, every patch box-averaged down to
// patch_size x patch_size (patch i in blocks of 2^i x 2^i pixels). Pixels outside the image count as 0
// (a block half outside averages its inside pixels with zeros).
//
// location (B x 2): column 0 is x (horizontal, along a pixel row), column 1 is y (vertical); (-1, -1) is
// the top-left corner of the image, (1, 1) the bottom-right one, (0, 0) its centre. Locations outside
// [-1, 1]^2 are allowed (their patches see more zeros); non-finite ones throw std::domain_error.
// Pixel mapping: location l maps to the continuous pixel coordinate u = (l + 1) / 2 * W (0 = left edge,
// W = right edge; y alike with H), and a patch of side s covers pixels round(u - s/2) .. round(u - s/2) +
// s - 1, rounding halves up. So (0, 0) on a 28 x 28 image puts an 8-pixel patch at 10..17 in both axes.
//
// Result (B x C*scales*patch_size^2): entry ((i*C + c)*g + y)*g + x is pixel (y, x) of channel c of patch
// i, i.e. the scales stacked as channels (shape glimpse_output_shape). Differentiable w.r.t. x only: the
// location is a sampled constant (a location policy receives its gradient through REINFORCE instead).
Var glimpse(Var x, const ImageShape& shape, const Matrix& location, Index patch_size, Index scales);

}  // namespace mann
