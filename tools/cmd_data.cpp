// `mann data preview DATASET`: a picture of a dataset's examples as a model sees them, for checking a
// dataset and its options by eye before training on it. Image datasets are drawn with their class names,
// captioned scenes with their reference captions.
#include <iostream>

#include "datasets/dataset.h"
#include "datasets/image/image_dataset.h"
#include "datasets/image/image_preview.h"
#include "datasets/scenes/captioned_image_dataset.h"
#include "datasets/scenes/scene_preview.h"
#include "framework/autodiff/errors.h"
#include "framework/config/config_node.h"
#include "framework/config/override.h"
#include "tools/cli_support.h"
#include "tools/commands.h"
#include "tools/experiment.h"

namespace mann {
namespace {

const char* kDataUsage =
    "usage: mann data preview DATASET [--variant V] [--set key=value]... [--split train|valid|test]\n"
    "                         [--count N] [--first I] [--columns C] [--out FILE.png|.svg] [--data-dir DIR]\n"
    "Draws examples of an image dataset (fashion_mnist) as a model sees them, with their class names, or\n"
    "captioned scenes (fashion_scenes) with their reference captions.\n"
    "--variant and --set set the dataset's options (`mann list dataset fashion_mnist`), e.g.\n"
    "  mann data preview fashion_mnist --variant cluttered60 --out cluttered60.png\n"
    "  mann data preview fashion_scenes --set layout=grid2x2 --count 6";

// The dataset built from its registry entry, as an experiment's `dataset:` section with these options.
std::unique_ptr<Dataset> build_dataset(const std::string& type, const std::vector<std::string>& sets,
                                       const std::string& data_dir) {
  ConfigNode node = load_config_string("{}", kCommandLineFile);
  apply_override(node, "type=" + type);
  for (const std::string& s : sets) apply_override(node, s);
  DatasetContext context{data_dir, 0};
  return builtin_registry().create<Dataset, DatasetContext>("dataset", node, context);
}

}  // namespace

int data_command(const Args& args) {
  po::options_description options("data options");
  std::vector<std::string> positionals, sets;
  std::string variant, data_dir, out;
  ImagePreviewOptions preview;
  options.add_options()("what", po::value(&positionals), "preview DATASET")(
      "variant", po::value(&variant), "the dataset's variant (the same as --set variant=V)")(
      "set", po::value(&sets)->composing(), "set a dataset option: --set clutter=6 (repeatable)")(
      "split", po::value(&preview.split)->default_value("train"), "train, valid or test")(
      "count", po::value(&preview.count)->default_value(16), "examples to draw")(
      "first", po::value(&preview.first)->default_value(0), "index of the first example")(
      "columns", po::value(&preview.columns)->default_value(0), "images per row (0: about square)")(
      "out", po::value(&out), "the picture, .png or .svg (default: DATASET-VARIANT-SPLIT.png)")(
      "data-dir", po::value(&data_dir), "data directory (overrides MANN_DATA)");
  po::positional_options_description positional;
  positional.add("what", -1);
  po::variables_map vm;
  if (!parse_command_line(args, kDataUsage, options, positional, vm)) return kOk;
  if (positionals.empty() || positionals[0] != "preview")
    throw po::error(positionals.empty() ? "an action is required: preview DATASET"
                                        : "unknown action `" + positionals[0] + "` (actions: preview)");
  if (positionals.size() != 2) throw po::error("preview takes one dataset name, e.g. fashion_mnist");
  const std::string& type = positionals[1];
  if (!variant.empty()) sets.insert(sets.begin(), "variant=" + variant);

  const std::unique_ptr<Dataset> dataset = build_dataset(type, sets, data_dir);
  if (const auto* scenes = dynamic_cast<const CaptionedImageDataset*>(dataset.get())) {
    const std::string layout(enum_name(scenes->data().options().arrangement));
    const std::string name = type + " " + layout;
    if (out.empty()) out = type + "-" + layout + "-" + preview.split + ".png";
    write_scene_preview(scenes->data(), name, preview, out);
    std::cout << "preview: " << out << " (" << preview.count << " " << preview.split << " scenes of " << name
              << ")\n";
    return kOk;
  }
  const auto* images = dynamic_cast<const ImageDataset*>(dataset.get());
  if (images == nullptr)
    throw UserError("`" + type + "` is a " + dataset->family() +
                    " dataset; `mann data preview` draws image datasets (fashion_mnist, fashion_scenes)");
  const std::string name = type + " " + images->variant_name();
  if (out.empty()) out = type + "-" + images->variant_name() + "-" + preview.split + ".png";
  write_image_preview(images->data(), name, preview, out);
  std::cout << "preview: " << out << " (" << preview.count << " " << preview.split << " examples of " << name
            << ")\n";
  return kOk;
}

}  // namespace mann
