// Image ops: convolution (im2col + one GEMM), max and average pooling, the RAM glimpse sensor.
// Layout (image_shape.h): image b, channel c, pixel (y, x) is entry (b, (c*H + y)*W + x).
#include "framework/autodiff/ops_image.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "framework/autodiff/op_support.h"

namespace mann {
namespace {

using ConstStridedRow = Eigen::Map<const Eigen::RowVectorXf, 0, Eigen::InnerStride<>>;

// Calls f with `count` pixels starting at `first`, `stride` apart, as an Eigen row. Stride 1 gets a plain
// contiguous map, which Eigen vectorises (a runtime inner stride is copied one float at a time).
template <class T, class F>
void with_pixel_run(T* first, Index count, Index stride, F&& f) {
  using Row = std::conditional_t<std::is_const_v<T>, const Eigen::RowVectorXf, Eigen::RowVectorXf>;
  if (stride == 1)
    f(Eigen::Map<Row>(first, count));
  else
    f(Eigen::Map<Row, 0, Eigen::InnerStride<>>(first, count, Eigen::InnerStride<>(stride)));
}
// One image channel after another: rows c*H .. c*H+H-1 are channel c.
using ConstPlanes = Eigen::Map<const Matrix>;
using Planes = Eigen::Map<Matrix>;

void check_images(const char* op, const Matrix& x, const ImageShape& shape) {
  if (shape.channels < 1 || shape.height < 1 || shape.width < 1)
    detail::shape_error(op, "image shape " + shape.to_string() + " has an empty dimension");
  if (x.cols() != shape.size())
    detail::shape_error(op, "input " + shape_string(x) + " does not hold images " + shape.to_string() +
                                ": expected " + std::to_string(shape.size()) + " columns");
}

// A square window sliding over zero-padded images: the geometry conv2d and the poolings share. Kept in a
// node's ints between forward and backward.
struct Window {
  ImageShape in;
  Index kernel = 1, stride = 1, padding = 0;
  ImageShape out;  // channels: those of the input (pooling); conv2d replaces them

  void store(std::vector<int>& ints) const {
    ints.assign({static_cast<int>(in.channels), static_cast<int>(in.height), static_cast<int>(in.width),
                 static_cast<int>(kernel), static_cast<int>(stride), static_cast<int>(padding)});
  }
  static Window load(const std::vector<int>& ints);
  Index out_pixels() const { return out.plane(); }
};

Window make_window(const char* op, const ImageShape& in, Index kernel, Index stride, Index padding) {
  if (kernel < 1 || stride < 1 || padding < 0)
    detail::shape_error(op, "kernel " + std::to_string(kernel) + ", stride " + std::to_string(stride) +
                                ", padding " + std::to_string(padding) +
                                ": need kernel >= 1, stride >= 1, padding >= 0");
  if (in.height + 2 * padding < kernel || in.width + 2 * padding < kernel)
    detail::shape_error(op, "a " + std::to_string(kernel) + "x" + std::to_string(kernel) +
                                " window does not fit images " + in.to_string() + " padded by " +
                                std::to_string(padding));
  Window w{in, kernel, stride, padding, {}};
  w.out = {in.channels, (in.height + 2 * padding - kernel) / stride + 1,
           (in.width + 2 * padding - kernel) / stride + 1};
  return w;
}

Window Window::load(const std::vector<int>& ints) {
  return make_window("", {ints[0], ints[1], ints[2]}, ints[3], ints[4], ints[5]);
}

// The output positions o in [first, last) whose input coordinate o*stride - padding + offset lies in
// [0, extent): the part of a kernel tap's sweep that reads real pixels rather than padding.
struct Span {
  Index first, last;
};
Span inside(Index offset, Index extent, Index outputs, Index stride, Index padding) {
  const Index low = padding - offset;                // o*stride >= low
  const Index high = extent - 1 + padding - offset;  // o*stride <= high
  if (high < 0) return {0, 0};
  const Index first = low <= 0 ? 0 : (low + stride - 1) / stride;
  return {first, std::max(first, std::min(outputs, high / stride + 1))};
}

// The im2col correspondence. The column matrix has a row per kernel tap (c, ky, kx) (row (c*k + ky)*k + kx,
// the weight layout) and a column per output pixel of every image (b*P + y*W_out + x, P = H_out*W_out).
// Calls f(row, image, column, pixel, count) for every run of `count` columns column, column+1, ... that read
// pixels pixel, pixel + stride, ... of image `image` (pixel = (c*H + iy)*W + ix); columns in no run read
// padding.
template <class F>
void for_each_tap_run(const Window& w, Index batch, F&& f) {
  const Index k = w.kernel, P = w.out_pixels();
  for (Index c = 0; c < w.in.channels; ++c)
    for (Index ky = 0; ky < k; ++ky) {
      const Span rows = inside(ky, w.in.height, w.out.height, w.stride, w.padding);
      for (Index kx = 0; kx < k; ++kx) {
        const Span cols = inside(kx, w.in.width, w.out.width, w.stride, w.padding);
        if (cols.first >= cols.last) continue;
        const Index row = (c * k + ky) * k + kx;
        for (Index b = 0; b < batch; ++b)
          for (Index oy = rows.first; oy < rows.last; ++oy) {
            const Index iy = oy * w.stride - w.padding + ky;
            const Index ix = cols.first * w.stride - w.padding + kx;
            f(row, b, b * P + oy * w.out.width + cols.first, (c * w.in.height + iy) * w.in.width + ix,
              cols.last - cols.first);
          }
      }
    }
}

// Scratch matrices for the transposed (C_out x B*P) layout of a convolution's output and gradient: reused
// between calls, so a training loop does not allocate them every step.
Matrix& scratch(size_t which) {
  thread_local std::array<Matrix, 2> buffers;
  return buffers[which];
}

// (B x C_out*P) -> (C_out x B*P): the batch layout and the GEMM's layout differ only in which of image and
// channel is the outer index.
void batch_to_channels(const Matrix& batch_major, Index channels, Index pixels, Matrix& channel_major) {
  const Index B = batch_major.rows();
  channel_major.resize(channels, B * pixels);
  for (Index b = 0; b < B; ++b)
    for (Index o = 0; o < channels; ++o)
      channel_major.row(o).segment(b * pixels, pixels) = batch_major.row(b).segment(o * pixels, pixels);
}

void conv2d_backward(Tape& t, Node& n) {
  const Window w = Window::load(n.ints);
  const Matrix& weight = t.value(n.inputs[1]);
  const Index P = w.out_pixels();
  Matrix& grad = scratch(0);  // (C_out x B*P)
  batch_to_channels(n.grad, weight.rows(), P, grad);
  if (t.requires_grad(n.inputs[2])) t.accumulate(n.inputs[2], grad.rowwise().sum().transpose());
  if (t.requires_grad(n.inputs[1])) t.accumulate(n.inputs[1], grad * n.saved.transpose());
  if (t.requires_grad(n.inputs[0])) {
    Matrix& column_grad = scratch(1);  // (C*k*k x B*P)
    column_grad.noalias() = weight.transpose() * grad;
    Matrix& x_grad = t.grad_buffer(n.inputs[0]);
    for_each_tap_run(w, n.grad.rows(), [&](Index row, Index b, Index column, Index pixel, Index count) {
      with_pixel_run(x_grad.row(b).data() + pixel, count, w.stride,
                     [&](auto pixels) { pixels += column_grad.row(row).segment(column, count); });
    });
  }
}

// Calls f(output_index, plane_row, plane_col) for every output pixel of a pooling (no padding), where
// (plane_row, plane_col) is the window's top-left pixel in the (C*H x W) view of one image.
template <class F>
void for_each_pool_window(const Window& w, F&& f) {
  for (Index c = 0; c < w.in.channels; ++c)
    for (Index oy = 0; oy < w.out.height; ++oy)
      for (Index ox = 0; ox < w.out.width; ++ox)
        f((c * w.out.height + oy) * w.out.width + ox, c * w.in.height + oy * w.stride, ox * w.stride);
}

ConstPlanes planes_of(const Matrix& batch, Index b, const ImageShape& shape) {
  return ConstPlanes(batch.row(b).data(), shape.channels * shape.height, shape.width);
}
Planes planes_of(Matrix& batch, Index b, const ImageShape& shape) {
  return Planes(batch.row(b).data(), shape.channels * shape.height, shape.width);
}

// ---- glimpse geometry ----

struct GlimpseGeometry {
  ImageShape in;
  Index patch = 1, scales = 1;

  static constexpr Index kMaxScales = 16;  // sides up to patch * 2^15: far beyond any image
  void store(std::vector<int>& ints) const {
    ints.assign({static_cast<int>(in.channels), static_cast<int>(in.height), static_cast<int>(in.width),
                 static_cast<int>(patch), static_cast<int>(scales)});
  }
  static GlimpseGeometry load(const std::vector<int>& ints) {
    return {{ints[0], ints[1], ints[2]}, ints[3], ints[4]};
  }
};

// First pixel of a patch of `side` pixels centred at location l in [-1, 1] along an axis of `extent`
// pixels: round(u - side/2) with u = (l + 1)/2 * extent. Clamped to [-side, extent], which changes no
// result (a patch starting further out misses the image either way) and keeps far locations in range.
Index patch_start(float l, Index extent, Index side) {
  const double u = (static_cast<double>(l) + 1.0) * 0.5 * static_cast<double>(extent);
  const double start = std::floor(u - 0.5 * static_cast<double>(side) + 0.5);
  return static_cast<Index>(std::clamp(start, -static_cast<double>(side), static_cast<double>(extent)));
}

// Calls f(output_index, plane_row, plane_col, rows, cols, weight) for every output pixel of image b's
// glimpse: the block of rows x cols image pixels at (plane_row, plane_col) of the (C*H x W) view, clipped
// to the image, that the pixel averages with `weight` (1 / block area, the clipped part counting as 0).
// Blocks entirely outside the image are skipped.
template <class F>
void for_each_glimpse_block(const GlimpseGeometry& geo, float lx, float ly, F&& f) {
  const Index g = geo.patch, H = geo.in.height, W = geo.in.width;
  for (Index i = 0; i < geo.scales; ++i) {
    const Index block = Index{1} << i, side = g * block;
    const Index x0 = patch_start(lx, W, side), y0 = patch_start(ly, H, side);
    const float weight = 1.f / static_cast<float>(block * block);
    for (Index oy = 0; oy < g; ++oy) {
      const Index top = std::max<Index>(y0 + oy * block, 0), bottom = std::min(y0 + (oy + 1) * block, H);
      if (top >= bottom) continue;
      for (Index ox = 0; ox < g; ++ox) {
        const Index left = std::max<Index>(x0 + ox * block, 0), right = std::min(x0 + (ox + 1) * block, W);
        if (left >= right) continue;
        for (Index c = 0; c < geo.in.channels; ++c)
          f(((i * geo.in.channels + c) * g + oy) * g + ox, c * H + top, left, bottom - top, right - left,
            weight);
      }
    }
  }
}

}  // namespace

ImageShape conv2d_output_shape(const ImageShape& input, Index out_channels, Index kernel, Index stride,
                               Index padding) {
  if (out_channels < 1)
    detail::shape_error("conv2d", "needs at least one output channel, got " + std::to_string(out_channels));
  ImageShape out = make_window("conv2d", input, kernel, stride, padding).out;
  out.channels = out_channels;
  return out;
}

Var conv2d(Var x, const ImageShape& shape, Var weight, Var bias, Index stride, Index padding) {
  Tape& t = detail::tape_of(x, weight);
  detail::tape_of(x, bias);
  const Matrix& xv = t.value(x.id);
  const Matrix& wv = t.value(weight.id);
  const Matrix& bv = t.value(bias.id);
  check_images("conv2d", xv, shape);
  const Index taps = wv.cols() / shape.channels;
  const auto kernel = static_cast<Index>(std::lround(std::sqrt(static_cast<double>(taps))));
  if (wv.rows() < 1 || kernel < 1 || shape.channels * kernel * kernel != wv.cols())
    detail::shape_error("conv2d", "weight " + shape_string(wv) + " is not (C_out x C*k*k) for images " +
                                      shape.to_string() + " and a square k x k kernel");
  if (bv.rows() != 1 || bv.cols() != wv.rows())
    detail::shape_error("conv2d", "bias " + shape_string(bv) + " should be " + shape_string(1, wv.rows()) +
                                      " for weight " + shape_string(wv));
  const Window w = make_window("conv2d", shape, kernel, stride, padding);
  const Index B = xv.rows(), P = w.out_pixels(), C_out = wv.rows();

  Node& n = t.push(conv2d_backward, {x, weight, bias});
  w.store(n.ints);
  // im2col, kept for the weight's gradient. Without padding every column reads real pixels.
  Matrix& columns = n.saved;
  columns.resize(shape.channels * kernel * kernel, B * P);
  if (padding > 0) columns.setZero();
  for_each_tap_run(w, B, [&](Index row, Index b, Index column, Index pixel, Index count) {
    with_pixel_run(xv.row(b).data() + pixel, count, stride,
                   [&](auto pixels) { columns.row(row).segment(column, count) = pixels; });
  });
  Matrix& product = scratch(0);  // (C_out x B*P)
  product.noalias() = wv * columns;
  t.count_multiply_adds(int64_t{wv.rows()} * wv.cols() * columns.cols());
  n.value.resize(B, C_out * P);
  for (Index b = 0; b < B; ++b)
    for (Index o = 0; o < C_out; ++o)
      n.value.row(b).segment(o * P, P) = product.row(o).segment(b * P, P).array() + bv(0, o);
  return t.last();
}

ImageShape pool2d_output_shape(const ImageShape& input, Index kernel, Index stride) {
  return make_window("pool2d", input, kernel, stride, 0).out;
}

Var max_pool2d(Var x, const ImageShape& shape, Index kernel, Index stride) {
  Tape& t = detail::tape_of(x);
  const Matrix& xv = t.value(x.id);
  check_images("max_pool2d", xv, shape);
  const Window w = make_window("max_pool2d", shape, kernel, stride, 0);
  const Index B = xv.rows(), out_size = w.out.size();
  // ints: for every output entry (row-major over the batch) the input column of its maximum.
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        Matrix& x_grad = tp.grad_buffer(nd.inputs[0]);
        const Index outputs = nd.grad.cols();
        for (Index b = 0; b < nd.grad.rows(); ++b)
          for (Index j = 0; j < outputs; ++j)
            x_grad(b, nd.ints[static_cast<size_t>(b * outputs + j)]) += nd.grad(b, j);
      },
      {x});
  n.ints.resize(static_cast<size_t>(B * out_size));
  n.value.resize(B, out_size);
  // One output row at a time, all its windows together: each kernel tap updates every window's running
  // maximum, so the comparisons form independent lanes rather than one dependency chain per window, and in
  // arithmetic rather than branches (on real data which pixel wins is unpredictable).
  const Index out_width = w.out.width;
  for (Index b = 0; b < B; ++b) {
    const float* image = xv.row(b).data();
    for (Index c = 0; c < shape.channels; ++c)
      for (Index oy = 0; oy < w.out.height; ++oy) {
        const Index j = (c * w.out.height + oy) * out_width;
        float* top = n.value.row(b).data() + j;  // the running maxima
        int* where = n.ints.data() + b * out_size + j;
        const Index corner = (c * shape.height + oy * stride) * shape.width;
        for (Index ox = 0; ox < out_width; ++ox) {
          top[ox] = image[corner + ox * stride];
          where[ox] = static_cast<int>(corner + ox * stride);
        }
        for (Index ky = 0; ky < kernel; ++ky)
          for (Index kx = ky == 0 ? 1 : 0; kx < kernel; ++kx) {
            const Index first = corner + ky * shape.width + kx;
            for (Index ox = 0; ox < out_width; ++ox) {
              const int at = static_cast<int>(first + ox * stride);
              const int better = image[at] > top[ox];  // strict: ties keep the first
              where[ox] += better * (at - where[ox]);
              top[ox] = std::max(top[ox], image[at]);
            }
          }
      }
  }
  return t.last();
}

Var avg_pool2d(Var x, const ImageShape& shape, Index kernel, Index stride) {
  Tape& t = detail::tape_of(x);
  const Matrix& xv = t.value(x.id);
  check_images("avg_pool2d", xv, shape);
  const Window w = make_window("avg_pool2d", shape, kernel, stride, 0);
  const float inv_area = 1.f / static_cast<float>(kernel * kernel);
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const Window win = Window::load(nd.ints);
        const float share = 1.f / static_cast<float>(win.kernel * win.kernel);
        Matrix& x_grad = tp.grad_buffer(nd.inputs[0]);
        for (Index b = 0; b < nd.grad.rows(); ++b) {
          Planes image_grad = planes_of(x_grad, b, win.in);
          for_each_pool_window(win, [&](Index j, Index row, Index col) {
            image_grad.block(row, col, win.kernel, win.kernel).array() += share * nd.grad(b, j);
          });
        }
      },
      {x});
  w.store(n.ints);
  n.value.resize(xv.rows(), w.out.size());
  for (Index b = 0; b < xv.rows(); ++b) {
    const ConstPlanes image = planes_of(xv, b, shape);
    for_each_pool_window(w, [&](Index j, Index row, Index col) {
      n.value(b, j) = inv_area * image.block(row, col, kernel, kernel).sum();
    });
  }
  return t.last();
}

ImageShape glimpse_output_shape(const ImageShape& input, Index patch_size, Index scales) {
  if (patch_size < 1 || scales < 1 || scales > GlimpseGeometry::kMaxScales)
    detail::shape_error("glimpse", "patch size " + std::to_string(patch_size) + " and " +
                                       std::to_string(scales) + " scales: need patch size >= 1 and 1 to " +
                                       std::to_string(GlimpseGeometry::kMaxScales) + " scales");
  return {input.channels * scales, patch_size, patch_size};
}

Var glimpse(Var x, const ImageShape& shape, const Matrix& location, Index patch_size, Index scales) {
  Tape& t = detail::tape_of(x);
  const Matrix& xv = t.value(x.id);
  check_images("glimpse", xv, shape);
  const ImageShape out = glimpse_output_shape(shape, patch_size, scales);
  if (location.rows() != xv.rows() || location.cols() != 2)
    detail::shape_error("glimpse", "location " + shape_string(location) + " should be " +
                                       shape_string(xv.rows(), 2) + " for input " + shape_string(xv));
  if (!location.allFinite()) throw std::domain_error("glimpse: a location is not finite");
  const GlimpseGeometry geo{shape, patch_size, scales};
  Node& n = t.push(
      [](Tape& tp, Node& nd) {
        const GlimpseGeometry g = GlimpseGeometry::load(nd.ints);
        Matrix& x_grad = tp.grad_buffer(nd.inputs[0]);
        for (Index b = 0; b < nd.grad.rows(); ++b) {
          Planes image_grad = planes_of(x_grad, b, g.in);
          for_each_glimpse_block(g, nd.saved(b, 0), nd.saved(b, 1),
                                 [&](Index j, Index row, Index col, Index rows, Index cols, float weight) {
                                   image_grad.block(row, col, rows, cols).array() += weight * nd.grad(b, j);
                                 });
        }
      },
      {x});
  geo.store(n.ints);
  n.saved = location;
  n.value.setZero(xv.rows(), out.size());  // blocks outside the image are skipped: they stay 0
  for (Index b = 0; b < xv.rows(); ++b) {
    const ConstPlanes image = planes_of(xv, b, shape);
    for_each_glimpse_block(geo, location(b, 0), location(b, 1),
                           [&](Index j, Index row, Index col, Index rows, Index cols, float weight) {
                             n.value(b, j) = weight * image.block(row, col, rows, cols).sum();
                           });
  }
  return t.last();
}

}  // namespace mann
