// `mann attention`: rebuild the experiment stored in a checkpoint, ask its learner for the attention of one
// example, and draw the panels as heatmaps (and optionally save them to HDF5).
#include <iostream>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/heatmap.h"
#include "framework/io/plot/image_grid.h"
#include "framework/views/attention_views.h"
#include "tools/attention_file.h"
#include "tools/cli_support.h"
#include "tools/evaluation.h"

namespace mann {

int attention_command(const Args& args) {
  po::options_description options("attention options");
  std::string checkpoint_arg, split, out, h5_out, data_dir;
  std::vector<std::string> sets;
  int64_t example = 0;
  bool last = false;
  options.add_options()("checkpoint", po::value(&checkpoint_arg)->required(),
                        "checkpoint file, or a run directory (its best checkpoint)")(
      "last", po::bool_switch(&last), "in a run directory, use the last checkpoint instead of the best")(
      "example", po::value(&example)->default_value(0),
      "which example: the index of a bAbI question in the split; for generated data, the seed of the draw")(
      "split", po::value(&split)->default_value("test"),
      "split the example comes from: train, valid or test")(
      "out", po::value(&out),
      "image to write, .svg or .png (default: attention_<split>_<example>.svg in the current directory)")(
      "h5", po::value(&h5_out), "also save the panels as datasets of this HDF5 file")(
      "set", po::value(&sets)->composing(), "override a stored config key (repeatable)")(
      "data-dir", po::value(&data_dir),
      "data directory (default: the run's; overrides the config and MANN_DATA)");
  po::positional_options_description positional;
  positional.add("checkpoint", 1);
  po::variables_map vm;
  if (!parse_command_line(
          args,
          "usage: mann attention CHECKPOINT_OR_RUN_DIR [--example I] [--split train|valid|test] [--last] "
          "[--out FILE.svg|.png] [--h5 FILE.h5] [--data-dir DIR] [--set key=value]...\n\n"
          "Draws what the model attends to on one example: MemN2N story sentences x hops "
          "(supporting facts outlined), NTM read and write weightings over memory slots x "
          "time, the retrieval reader's slots x query, the recurrent attention model's glimpses on the "
          "image.",
          options, positional, vm))
    return kOk;
  check_split(split);
  if (out.empty()) out = "attention_" + split + "_" + std::to_string(example) + ".svg";

  RestoredExperiment restored = restore_experiment(checkpoint_arg, sets, data_dir, last);
  const Experiment& experiment = restored.experiment;
  AttentionViews* views = experiment.learner->views();
  const AttentionView view = views ? views->attention_view(split, example) : AttentionView{};
  if (view.panels.empty() && !view.image)
    throw UserError(experiment.name + ": model `" +
                    experiment.config.at("model").at("type").as<std::string>() +
                    "` has no attention to draw");
  if (view.image)
    plot::draw_image_grid(*view.image, out);
  else
    plot::draw_heatmaps(view.panels, out);
  std::cout << "checkpoint: " << describe_checkpoint(restored.chosen, restored.step) << "\n"
            << view.title << "\nwrote " << std::filesystem::absolute(out).string() << "\n";
  if (!h5_out.empty()) {
    write_attention_h5(view,
                       {{"experiment", experiment.name},
                        {"checkpoint", restored.checkpoint.string()},
                        {"step", std::to_string(restored.step)},
                        {"split", split},
                        {"example", std::to_string(example)}},
                       h5_out);
    std::cout << "wrote " << std::filesystem::absolute(h5_out).string() << "\n";
  }
  return kOk;
}

}  // namespace mann
