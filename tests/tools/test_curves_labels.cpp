// `mann curves` on runs with different validation metrics labels each line with its metric, and legends
// keep distinct series names distinct however long they are.
#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "framework/io/plot/label_text.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;

namespace {

// One training row (validation cells empty) and one evaluation row with `values`.
void write_run(const TempDir& dir, const std::string& name, const std::string& columns,
               const std::string& values) {
  std::filesystem::create_directories(dir.path() / name);
  std::ofstream(dir.path() / name / "metrics.csv")
      << "step,epoch,examples,loss," << columns << "\n1,0,16,3.5,\n2,0,32,3.1," << values << "\n";
}

}  // namespace

TEST_CASE("mann curves: runs without a common metric get one labelled line each; a shared one is used") {
  TempDir dir("curves-labels");
  write_run(dir, "copy", "valid_bit_errors", "0.5");
  write_run(dir, "babi", "valid_error", "0.5");
  write_run(dir, "both", "valid_bit_errors,valid_error", "0.5,0.25");
  const CommandResult mixed =
      run_mann("curves " + dir.path("copy") + " " + dir.path("babi") + " --out " + dir.path("c.svg"));
  REQUIRE_MESSAGE(mixed.exit_code == 0, mixed.output);
  CHECK(mixed.output.find("share no validation metric") != std::string::npos);
  const std::string svg = read_text(dir.path() / "c.svg");
  CHECK(svg.find("copy (valid_bit_errors)") != std::string::npos);
  CHECK(svg.find("babi (valid_error)") != std::string::npos);
  CHECK(svg.find("valid_bit_errors / valid_error") != std::string::npos);

  // `both` has babi's metric too, though not first: the common one is drawn.
  const CommandResult common =
      run_mann("curves " + dir.path("babi") + " " + dir.path("both") + " --out " + dir.path("d.svg"));
  REQUIRE_MESSAGE(common.exit_code == 0, common.output);
  CHECK_MESSAGE(common.output.find("both: 1 points of valid_error, last 0.25") != std::string::npos,
                common.output);
}

TEST_CASE("mann curves draws any CSV with a header: one line per file, named by the file, with a title") {
  TempDir dir("curves-csv");
  std::ofstream(dir.path() / "ram.csv") << "canvas,examples/s\n28,8000\n60,7990\n100,7975\n";
  std::ofstream(dir.path() / "convnet.csv") << "canvas,examples/s\n28,94000\n60,15900\n100,3850\n";
  const CommandResult r = run_mann("curves " + dir.path("ram.csv") + " " + dir.path("convnet.csv") +
                                   " --x canvas --metric examples/s --log-y --title 'cost by size' --out " +
                                   dir.path("cost.svg"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK_MESSAGE(r.output.find("convnet: 3 points of examples/s, last 3850") != std::string::npos, r.output);
  const std::string svg = read_text(dir.path() / "cost.svg");
  CHECK(svg.find(">ram<") != std::string::npos);
  CHECK(svg.find(">convnet<") != std::string::npos);
  CHECK(svg.find("cost by size") != std::string::npos);
  CHECK(svg.find("during training") == std::string::npos);

  // A column the file does not have is named with the ones it has.
  const CommandResult missing =
      run_mann("curves " + dir.path("ram.csv") + " --x size --metric examples/s --out " + dir.path("x.svg"));
  CHECK(missing.exit_code != 0);
  CHECK_MESSAGE(missing.output.find("has no column `size` (it has canvas, examples/s)") != std::string::npos,
                missing.output);
}

TEST_CASE("legend labels stay distinct when long names differ only at the end") {
  const std::vector<std::string> names = {"train.optimizer.lr=0.01+model.addressing.score=dot",
                                          "train.optimizer.lr=0.01+model.addressing.score=cosine", "short"};
  const std::vector<std::string> labels = mann::plot::legend_labels(names, 40);
  CHECK(std::set<std::string>(labels.begin(), labels.end()).size() == 3);
  CHECK(labels[0].size() <= 40);
  CHECK(labels[0].starts_with("train.optimizer"));
  CHECK(labels[1].ends_with("score=cosine"));
  CHECK(labels[2] == "short");
  // Names that a 40-character cut cannot tell apart get longer labels, never equal ones.
  const std::string middle(60, 'x');
  const std::vector<std::string> close =
      mann::plot::legend_labels({"a" + middle + "1b", "a" + middle + "2b"}, 40);
  CHECK(close[0] != close[1]);
}
