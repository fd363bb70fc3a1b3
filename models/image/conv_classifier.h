#pragma once
// Convolutional baselines of image classification: convolution layers (ReLU, optional max pooling), then a
// fully connected ReLU layer and the class scores.
//   convnet:  the RAM paper's baseline (Mnih et al. 2014, section 4.1): 8 filters of 10x10, stride 5, fc 256;
//   convnet2: two layers as in the Fashion-MNIST benchmark's small CNNs: 32 then 64 filters of 5x5
//             (padding 2), each followed by 2x2 max pooling, fc 256.
#include <vector>

#include "framework/nn/linear.h"
#include "framework/util/enum_names.h"
#include "models/image/image_model.h"

namespace mann {

// Which stack of convolutions a ConvClassifier uses.
enum class ConvNetKind { RamPaper, TwoLayer };

template <>
struct EnumNames<ConvNetKind> {
  static constexpr std::string_view noun = "convolutional baseline";
  static constexpr auto entries = std::to_array<EnumEntry<ConvNetKind>>(
      {{ConvNetKind::RamPaper, "convnet"}, {ConvNetKind::TwoLayer, "convnet2"}});
};

// One convolution layer: filters x kernel x kernel, then ReLU and (pool > 1) pool x pool max pooling.
struct ConvLayerSpec {
  Index filters = 8, kernel = 10, stride = 5, padding = 0, pool = 1;
};

// The layers of each kind.
std::vector<ConvLayerSpec> conv_layers(ConvNetKind kind);

class ConvClassifier : public ImageModel {
 public:
  /// Layer l's filters under scope/conv<l>/{W,b}, then scope/fc and scope/output. Throws ShapeError when
  /// the image is too small for the layers.
  ConvClassifier(const ParamScope& scope, ConvNetKind kind, const ImageShape& image, int hidden, int classes,
                 Rng& rng);
  Var logits(Tape& tape, Var pixels, AddressingContext& ctx) override;
  std::string describe() const override;

 private:
  struct Layer {
    ConvLayerSpec spec;
    ImageShape input;     // what the convolution reads
    ImageShape conv_out;  // what it writes (and the pooling reads)
    Parameter* weight = nullptr;
    Parameter* bias = nullptr;
  };
  ConvNetKind kind_;
  std::vector<Layer> layers_;
  Linear fc_, output_;
};

}  // namespace mann
