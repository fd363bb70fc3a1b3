#include "models/image/conv_classifier.h"

#include "framework/autodiff/ops.h"
#include "framework/autodiff/ops_image.h"

namespace mann {
namespace {

// The shape after one layer's convolution and pooling.
ImageShape layer_output(const ConvLayerSpec& spec, const ImageShape& input) {
  const ImageShape conv = conv2d_output_shape(input, spec.filters, spec.kernel, spec.stride, spec.padding);
  return spec.pool > 1 ? pool2d_output_shape(conv, spec.pool, spec.pool) : conv;
}

// Width of the features the fully connected layer reads.
Index flattened_width(ConvNetKind kind, ImageShape shape) {
  for (const ConvLayerSpec& spec : conv_layers(kind)) shape = layer_output(spec, shape);
  return shape.size();
}

}  // namespace

std::vector<ConvLayerSpec> conv_layers(ConvNetKind kind) {
  if (kind == ConvNetKind::RamPaper) return {{.filters = 8, .kernel = 10, .stride = 5}};
  return {{.filters = 32, .kernel = 5, .stride = 1, .padding = 2, .pool = 2},
          {.filters = 64, .kernel = 5, .stride = 1, .padding = 2, .pool = 2}};
}

ConvClassifier::ConvClassifier(const ParamScope& scope, ConvNetKind kind, const ImageShape& image, int hidden,
                               int classes, Rng& rng)
    : kind_(kind),
      fc_(scope.sub("fc"), flattened_width(kind, image), hidden, rng),
      output_(scope.sub("output"), hidden, classes, rng) {
  ImageShape shape = image;
  int l = 0;
  for (const ConvLayerSpec& spec : conv_layers(kind)) {
    const ParamScope conv = scope.sub("conv" + std::to_string(l++));
    Layer layer{spec, shape,
                conv2d_output_shape(shape, spec.filters, spec.kernel, spec.stride, spec.padding)};
    layer.weight =
        &conv.add("W", spec.filters, shape.channels * spec.kernel * spec.kernel, Init::glorot(), rng);
    layer.bias = &conv.add("b", 1, spec.filters, Init::zeros());
    layers_.push_back(layer);
    shape = layer_output(spec, shape);
  }
}

Var ConvClassifier::logits(Tape& tape, Var pixels, AddressingContext&) {
  Var x = pixels;
  for (const Layer& layer : layers_) {
    const ConvLayerSpec& s = layer.spec;
    x = relu(conv2d(x, layer.input, tape.param(*layer.weight), tape.param(*layer.bias), s.stride, s.padding));
    if (s.pool > 1) x = max_pool2d(x, layer.conv_out, s.pool, s.pool);
  }
  return output_(tape, relu(fc_(tape, x)));
}

std::string ConvClassifier::describe() const {
  return std::string(enum_name(kind_));
}

}  // namespace mann
