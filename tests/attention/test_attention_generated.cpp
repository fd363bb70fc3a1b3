// `mann attention` on models of generated data, briefly trained: the NTM's read and write weightings over
// memory slots x time steps, from the learner's AttentionView and through the command's SVG, PNG and HDF5
// output, the same example on every call, a clear error for a bad index; the retrieval reader's slots x
// query; and the LSTM, which has no attention.
#include <doctest/doctest.h>

#include <string>

#include "framework/views/attention_views.h"
#include "framework/autodiff/errors.h"
#include "tests/attention/attention_test_support.h"
#include "tests/tools/cli_support.h"
#include "tools/evaluation.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("attention");

namespace {

constexpr Index kSlots = 16;     // copy_short's memory_slots
constexpr Index kTimeSteps = 9;  // copy of length 4: input, delimiter, output
const std::string kLengths = " --set dataset.eval_min_length=4 --set dataset.eval_max_length=4";

std::string train_tiny(const std::string& experiment, const std::string& out) {
  return "train " + std::string(MANN_SOURCE_DIR) + "/experiments/" + experiment + " --out " + out +
         " --set train.steps=2 --set train.eval_every=2 --set eval.batches=1 --set eval.batch=2";
}

}  // namespace

TEST_CASE("NTM attention: one slots x time panel per head, the same example on every call") {
  TempDir dir("attention-ntm");
  const std::string run = dir.path("run");
  const CommandResult trained = run_mann(train_tiny("ntm/copy_short.yaml", run) + kLengths);
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);

  RestoredExperiment restored = restore_experiment(run);
  Learner& learner = *restored.experiment.learner;
  const AttentionView view = learner.views()->attention_view("test", 3);
  REQUIRE(view.panels.size() == 2);
  CHECK(view.panel_names == std::vector<std::string>{"write0", "read0"});
  CHECK(view.title.find("copy, length 4") != std::string::npos);
  for (const plot::HeatmapSpec& panel : view.panels) {
    CHECK(panel.values.rows() == kSlots);
    CHECK(panel.values.cols() == kTimeSteps);
    // A weighting over the slots at every time step.
    for (Index t = 0; t < kTimeSteps; ++t)
      CHECK(panel.values.col(t).sum() == doctest::Approx(1.f).epsilon(1e-4));
  }
  const AttentionView again = learner.views()->attention_view("test", 3);
  CHECK(again.title == view.title);
  CHECK(again.panels.front().values == view.panels.front().values);
  CHECK_THROWS_AS(learner.views()->attention_view("test", -1), UserError);
  CHECK_THROWS_AS(learner.views()->attention_view("holdout", 0), UserError);

  const CommandResult svg = run_mann("attention " + run + " --example 3 --out " + dir.path("ntm.svg") +
                                     " --h5 " + dir.path("ntm.h5"));
  REQUIRE_MESSAGE(svg.exit_code == 0, svg.output);
  CHECK(is_svg(dir / "ntm.svg"));
  const CommandResult png = run_mann("attention " + run + " --example 3 --out " + dir.path("ntm.png"));
  REQUIRE_MESSAGE(png.exit_code == 0, png.output);
  CHECK(is_png(dir / "ntm.png"));

  CHECK(h5dump_reads(dir / "ntm.h5"));
  const h5::Handle file = open_h5(dir / "ntm.h5");
  CHECK(h5::read_string_attribute(file, "title") == view.title);
  CHECK(h5::read_string_array_attribute(file, "panels") == view.panel_names);
  for (size_t i = 0; i < view.panels.size(); ++i) {
    CAPTURE(view.panel_names[i]);
    CHECK(h5::read_matrix(file, view.panel_names[i]) ==
          view.panels[i].values);  // the same example as in-process
    const h5::Handle dataset = open_dataset(file, view.panel_names[i]);
    CHECK(h5::read_string_attribute(dataset, "x_title") == "time step");
  }

  // Without --out: attention_<split>_<example>.svg in the working directory.
  const CommandResult default_name = run_command("cd '" + dir.path().string() + "' && " + MANN_BINARY +
                                                 " attention run --split valid --example 5");
  REQUIRE_MESSAGE(default_name.exit_code == 0, default_name.output);
  CHECK(is_svg(dir / "attention_valid_5.svg"));

  const CommandResult bad = run_mann("attention " + run + " --example=-2 --out " + dir.path("bad.svg"));
  CHECK(bad.exit_code != 0);
  CHECK_MESSAGE(bad.output.find("example -2 is out of range") != std::string::npos, bad.output);
  CHECK(!std::filesystem::exists(dir / "bad.svg"));
}

TEST_CASE("mann attention on a model without attention says so") {
  TempDir dir("attention-lstm");
  const std::string run = dir.path("run");
  const CommandResult trained = run_mann(train_tiny("default.yaml", run));
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const CommandResult r = run_mann("attention " + run + " --out " + dir.path("lstm.svg"));
  CHECK(r.exit_code != 0);
  CHECK_MESSAGE(r.output.find("has no attention to draw") != std::string::npos, r.output);
  CHECK(!std::filesystem::exists(dir / "lstm.svg"));
}

TEST_CASE("retrieval attention: the memory's slots x the query, the queried slot marked") {
  TempDir dir("attention-retrieval");
  const std::string run = dir.path("run");
  const CommandResult trained = run_mann(train_tiny("toy/retrieval_soft.yaml", run));
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  RestoredExperiment restored = restore_experiment(run);
  const AttentionView view = restored.experiment.learner->views()->attention_view("valid", 0);
  REQUIRE(view.panels.size() == 1);
  const plot::HeatmapSpec& panel = view.panels.front();
  CHECK(panel.values.rows() == 8);  // retrieval_base's slots
  CHECK(panel.values.cols() == 1);
  CHECK(panel.values.sum() == doctest::Approx(1.f).epsilon(1e-4));
  REQUIRE(panel.marked_rows.size() == 1);
  CHECK(panel.row_labels.size() == 8);
  // The marked slot holds the queried key.
  CHECK(view.title.starts_with(panel.row_labels[static_cast<size_t>(panel.marked_rows.front())]));
  CHECK(restored.experiment.learner->views()->attention_view("valid", 0).panels.front().values == panel.values);
}

TEST_SUITE_END();
