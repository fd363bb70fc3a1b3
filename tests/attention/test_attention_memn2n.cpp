// `mann attention` on a briefly trained MemN2N (bAbI task 1): story sentences x hops with the supporting
// facts marked, from the learner's AttentionView and through the command's SVG, PNG and HDF5 output; a clear
// error for an index out of range and for a missing data directory. Skipped with a MESSAGE without the bAbI
// data.
#include <doctest/doctest.h>

#include <string>

#include "framework/views/attention_views.h"
#include "framework/autodiff/errors.h"
#include "models/memn2n/memn2n_learner.h"
#include "tests/attention/attention_test_support.h"
#include "tests/memn2n/memn2n_test_support.h"
#include "tests/tools/cli_support.h"
#include "tools/evaluation.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("attention");

TEST_CASE(
    "MemN2N attention: sentences x hops, supporting facts marked, question and answers in the "
    "title" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("attention-memn2n");
  const std::string run = dir.path("run");
  const CommandResult trained =
      run_mann("train " MANN_SOURCE_DIR "/experiments/babi/pe_3hop_1k.yaml --data-dir " + data + " --out " +
               run + " --set train.steps=3 --set train.eval_every=3 --set train.checkpoint_every=3");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);

  RestoredExperiment restored = restore_experiment(run, {}, data);
  auto& learner = dynamic_cast<MemN2NLearner&>(*restored.experiment.learner);
  constexpr int kQuestion = 7;
  const BabiExample& question = learner.data().test[kQuestion];
  const AttentionView view = learner.views()->attention_view("test", kQuestion);
  REQUIRE(view.panels.size() == 1);
  CHECK(view.panel_names == std::vector<std::string>{"hops"});
  const plot::HeatmapSpec& panel = view.panels.front();
  const auto sentences = static_cast<Index>(question.story.size());
  // The experiment leaves the padding attendable: its weight is one more row, "nothing", after the story.
  REQUIRE(sentences < 10);
  CHECK(panel.values.rows() == sentences + 1);
  CHECK(panel.values.cols() == 3);
  for (Index k = 0; k < 3; ++k) CHECK(panel.values.col(k).sum() == doctest::Approx(1.f).epsilon(1e-4));
  CHECK(panel.row_labels.size() == question.story.size() + 1);
  CHECK(panel.row_labels.back().starts_with("(nothing"));
  CHECK(panel.col_labels == std::vector<std::string>{"hop 1", "hop 2", "hop 3"});
  CHECK(panel.marked_rows == question.supporting);
  CHECK(view.title.starts_with("where is"));
  CHECK(view.title.find("-> " + learner.data().vocab.word(question.answer) + " (predicted: ") !=
        std::string::npos);
  CHECK(learner.views()->attention_view("test", kQuestion).panels.front().values == panel.values);
  const auto test_size = std::to_string(learner.data().test.size());
  CHECK_THROWS_WITH_AS(learner.views()->attention_view("test", 1000),
                       doctest::Contains(("has " + test_size + " questions").c_str()), UserError);

  const std::string command =
      "attention " + run + " --data-dir " + data + " --example " + std::to_string(kQuestion) + " --out ";
  const CommandResult svg = run_mann(command + dir.path("q.svg") + " --h5 " + dir.path("q.h5"));
  REQUIRE_MESSAGE(svg.exit_code == 0, svg.output);
  CHECK(is_svg(dir / "q.svg"));
  const CommandResult png = run_mann(command + dir.path("q.png"));
  REQUIRE_MESSAGE(png.exit_code == 0, png.output);
  CHECK(is_png(dir / "q.png"));

  CHECK(h5dump_reads(dir / "q.h5"));
  const h5::Handle file = open_h5(dir / "q.h5");
  CHECK(h5::read_string_attribute(file, "title") == view.title);
  CHECK(h5::read_string_attribute(file, "split") == "test");
  const Matrix hops = h5::read_matrix(file, "hops");
  CHECK(hops.rows() == sentences + 1);
  CHECK(hops.cols() == 3);
  const h5::Handle dataset = open_dataset(file, "hops");
  CHECK(h5::read_string_array_attribute(dataset, "row_labels") == panel.row_labels);
  CHECK(h5::read_string_array_attribute(dataset, "col_labels") == panel.col_labels);
  const std::vector<int64_t> marked = h5::read_int64_array_attribute(dataset, "marked_rows");
  CHECK(std::vector<int>(marked.begin(), marked.end()) == question.supporting);

  const CommandResult out_of_range =
      run_mann("attention " + run + " --data-dir " + data + " --example 100000");
  CHECK(out_of_range.exit_code != 0);
  CHECK_MESSAGE(out_of_range.output.find("example 100000 is out of range: the test split has " + test_size +
                                         " questions (0..") != std::string::npos,
                out_of_range.output);
  const CommandResult no_data = run_mann("attention " + run + " --data-dir " + dir.path("nowhere"));
  CHECK(no_data.exit_code != 0);
  CHECK_MESSAGE(no_data.output.find("qa1_single-supporting-fact") != std::string::npos, no_data.output);
  CHECK_MESSAGE(no_data.output.find("Download bAbI") != std::string::npos, no_data.output);
}

TEST_SUITE_END();
