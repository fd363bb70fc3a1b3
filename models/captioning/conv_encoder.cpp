#include "models/captioning/conv_encoder.h"

#include <cmath>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/ops_image.h"
#include "framework/nn/initializers.h"

namespace mann {

ConvEncoder::ConvEncoder(const ParamScope& scope, const ImageShape& input, const ConvEncoderOptions& options,
                         Rng& rng)
    : Module(scope), options_(options), input_(input), output_(input) {
  if (options.filters.empty()) throw UserError(scope.name() + ": the encoder needs at least one layer");
  for (size_t k = 0; k < options.filters.size(); ++k) {
    const Index in_size = output_.channels * options.kernel * options.kernel;
    const ParamScope layer = scope.sub("conv" + std::to_string(k));
    // He initialisation: the layers are followed by relu.
    const float std = std::sqrt(2.f / static_cast<float>(in_size));
    Layer l{output_, &layer.add("W", options.filters[k], in_size, Init::normal(0.f, std), rng),
            &layer.add("b", 1, options.filters[k], Init::zeros(), rng)};
    output_ =
        conv2d_output_shape(output_, options.filters[k], options.kernel, options.stride, options.kernel / 2);
    if (options.pool) output_ = pool2d_output_shape(output_, 2, 2);
    layers_.push_back(l);
  }
}

Annotations ConvEncoder::operator()(Tape& tape, Var images) const {
  Var x = images;
  for (const Layer& l : layers_) {
    ImageShape shape = conv2d_output_shape(l.in, l.weight->value.rows(), options_.kernel, options_.stride,
                                           options_.kernel / 2);
    x = relu(
        conv2d(x, l.in, tape.param(*l.weight), tape.param(*l.bias), options_.stride, options_.kernel / 2));
    if (options_.pool) x = max_pool2d(x, shape, 2, 2);
  }
  const Index B = x.rows(), D = output_.channels, L = output_.height * output_.width;
  // (B x D*L) channel-major -> (B*D x L) -> (L x B*D) -> (L*B x D), rows (l, b) -> rows (b, l).
  Var by_location = reshape(transpose(reshape(x, B * D, L)), L * B, D);
  std::vector<int> example_major(static_cast<size_t>(B * L));
  for (Index b = 0; b < B; ++b)
    for (Index l = 0; l < L; ++l) example_major[static_cast<size_t>(b * L + l)] = static_cast<int>(l * B + b);
  Annotations a;
  a.vectors = gather_rows(by_location, example_major);
  a.mean = reshape(matmul(reshape(x, B * D, L), tape.constant(Matrix::Constant(L, 1, 1.f / L))), B, D);
  a.grid_height = output_.height;
  a.grid_width = output_.width;
  return a;
}

}  // namespace mann
