#include "models/image/image_learner_specs.h"

#include "framework/components/spec_helpers.h"

namespace mann {

std::vector<OptionSpec> with_image_learner_specs(std::vector<OptionSpec> specs) {
  const ImageLearnerOptions d;
  specs.push_back(option("eval_samples", "int", d.eval_samples,
                         "evaluation: class probabilities averaged over this many sampled glimpse paths "
                         "(1: one deterministic pass)")
                      .in(between(1, 1000)));
  specs.push_back(option("eval_examples", "int", d.eval_examples,
                         "evaluation: the first N examples of the split (0: all)")
                      .in(between(0, 100000000)));
  specs.push_back(
      option("entropy_weight", "float", d.entropy_weight,
             "REINFORCE entropy bonus (models with sampled choices; reward 1 for a right answer)"));
  return specs;
}

std::unique_ptr<ImageLearner> make_image_learner(const ConfigView& v, ModelContext& c,
                                                 const ImageModelBuilder& build) {
  c.dataset_as<ImageDataset>(v, "image", "fashion_mnist, corner_square");
  std::unique_ptr<ImageDataset> dataset(static_cast<ImageDataset*>(c.dataset.release()));
  ImageLearnerOptions o;
  o.batch = c.batches.batch;
  o.eval_batch = c.batches.eval_batch;
  o.eval_samples = v.get<int>("eval_samples");
  o.eval_examples = v.get<int>("eval_examples");
  o.entropy_weight = v.get<float>("entropy_weight");
  const ImageClassificationData& data = dataset->data();
  auto params = std::make_unique<ParameterCollection>(c.seed);
  Rng init(c.seed);
  auto model =
      build(params->scope("model"), {data.channels(), data.height(), data.width()}, data.num_classes(), init);
  return std::make_unique<ImageLearner>(std::move(dataset), std::move(params), std::move(model), o);
}

}  // namespace mann
