#pragma once
// The captioner's encoder (Show, Attend and Tell, sec. 3.1.1): a small convolutional network whose last
// feature map is read as L = h x w annotation vectors a_i of D = filters of the last layer, one per place
// of the image, the memory the decoder attends over.
//
//   x -> [conv k x k, stride s, relu, (2 x 2 max pool)] per layer -> (B x D*h*w)
//   annotations: (B*L x D), example b's rows b*L .. b*L+L-1, location l = y*w + x (row-major over the grid)
//   mean: (B x D), the mean annotation (what the decoder's initial state is computed from)
#include <vector>

#include "framework/autodiff/image_shape.h"
#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/util/rng.h"

namespace mann {

struct ConvEncoderOptions {
  std::vector<int> filters = {16, 32};  // output channels of each layer
  int kernel = 5;                       // square kernel side of every layer
  int stride = 1;
  bool pool = true;  // a 2 x 2 max pooling (stride 2) after each layer's relu
};

// What the encoder gives the decoder.
struct Annotations {
  Var vectors;  // (B*L x D)
  Var mean;     // (B x D)
  Index grid_height = 0, grid_width = 0;
  Index locations() const { return grid_height * grid_width; }
};

class ConvEncoder : public Module {
 public:
  // Layer k's filters and bias under scope/conv<k> (W: filters x C*k*k, b: 1 x filters), for images of
  // `input` shape. Throws ShapeError when the layers do not fit the image, UserError for an empty layer list.
  ConvEncoder(const ParamScope& scope, const ImageShape& input, const ConvEncoderOptions& options, Rng& rng);

  // The annotations of a batch of images (B x C*H*W).
  Annotations operator()(Tape& tape, Var images) const;
  // D, the width of an annotation vector.
  Index width() const { return output_.channels; }
  // The annotation grid's shape (D x h x w).
  const ImageShape& output_shape() const { return output_; }

 private:
  struct Layer {
    ImageShape in;
    Parameter* weight;
    Parameter* bias;
  };
  ConvEncoderOptions options_;
  ImageShape input_, output_;
  std::vector<Layer> layers_;
};

}  // namespace mann
