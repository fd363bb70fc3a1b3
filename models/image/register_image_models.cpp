#include "models/image/register_image_models.h"

#include "framework/components/spec_helpers.h"
#include "models/image/conv_classifier.h"
#include "models/image/image_learner_specs.h"
#include "models/image/mlp_classifier.h"

namespace mann {
namespace {

void register_convnet(Registry& r, ConvNetKind kind, const std::string& doc) {
  r.add<Learner, ModelContext>(
      {"model", std::string(enum_name(kind)), doc,
       with_image_learner_specs(
           {option("fc", "int", 256, "width of the fully connected layer").in(between(1, 65536))})},
      [kind](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        const int fc = v.get<int>("fc");
        return make_image_learner(
            v, c, [&](const ParamScope& scope, const ImageShape& image, int classes, Rng& init) {
              return std::make_unique<ConvClassifier>(scope, kind, image, fc, classes, init);
            });
      });
}

}  // namespace

void register_image_models(Registry& r) {
  r.add<Learner, ModelContext>(
      {"model", "mlp",
       "Fully connected image classifier: the pixels through ReLU layers to the class scores (the RAM "
       "paper's FC baseline: two layers of 256).",
       with_image_learner_specs({option("hidden", "int", 256, "units per hidden layer").in(between(1, 65536)),
                                 option("layers", "int", 2, "hidden layers").in(between(0, 16))})},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        const std::vector<int> hidden(static_cast<std::size_t>(v.get<int>("layers")), v.get<int>("hidden"));
        return make_image_learner(
            v, c, [&](const ParamScope& scope, const ImageShape& image, int classes, Rng& init) {
              return std::make_unique<MlpClassifier>(scope, image.size(), hidden, classes, init);
            });
      });
  register_convnet(r, ConvNetKind::RamPaper,
                   "Convolutional image classifier of the RAM paper: 8 filters of 10x10 with stride 5, ReLU, "
                   "a fully connected ReLU layer, the class scores.");
  register_convnet(r, ConvNetKind::TwoLayer,
                   "Two-layer convolutional image classifier (as the Fashion-MNIST benchmark's): 32 and 64 "
                   "filters of 5x5, each with ReLU and 2x2 max pooling, a fully connected ReLU layer.");
}

}  // namespace mann
