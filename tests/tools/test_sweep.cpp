// End to end: `mann sweep` trains every grid point of a file's `sweep:` map with the compare driver and
// names each point in the report; `mann train` on the same file ignores the grid.
#include <doctest/doctest.h>

#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

TEST_CASE("mann sweep: one report row per grid point, runs in DIR/<point>/seed-S") {
  TempDir dir("sweep");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  const std::string file =
      dir.write("grid.yaml", "base: " + toy +
                                 "retrieval_soft.yaml\nsweep:\n  train.optimizer.lr: [0.01, "
                                 "0.003]\n  model.addressing.score: [dot]\n");
  const fs::path out = dir.path() / "sweep";
  const auto result = run_mann("sweep " + file + " --seeds 1 --out " + out.string() +
                               " --set train.steps=30 --set train.eval_every=15 --set train.log_every=15");
  REQUIRE_MESSAGE(result.exit_code == 0, result.output);
  CHECK(result.output.find("sweep of 2 grid points x 1 seeds") != std::string::npos);
  const std::string md = read_text(out / "report.md");
  CHECK(md.find("| train.optimizer.lr=0.01+model.addressing.score=dot | error | 1 | 0 |") !=
        std::string::npos);
  CHECK(md.find("| train.optimizer.lr=0.003+model.addressing.score=dot | error | 1 | 0 |") !=
        std::string::npos);
  // Hyperparameters are chosen on validation data: the report marks the point that wins there.
  CHECK(count_occurrences(md, "**yes**") == 1);
  CHECK(md.find("Selected by validation: train.optimizer.lr=") != std::string::npos);
  CHECK(fs::exists(out / "train.optimizer.lr=0.003+model.addressing.score=dot" / "seed-1" / "checkpoints" /
                   "last.h5"));
  // The point's override reached the run: its resolved config has the learning rate of the point.
  CHECK(read_text(out / "train.optimizer.lr=0.003+model.addressing.score=dot" / "seed-1" / "config.yaml")
            .find("lr: 0.003") != std::string::npos);

  const auto train = run_mann("train " + file + " --set train.steps=2 --out " + dir.path("plain"));
  CHECK_MESSAGE(train.exit_code == 0, train.output);
}

TEST_CASE("mann sweep: a file without a sweep: grid is refused with the reason") {
  const auto result =
      run_mann("sweep " + std::string(MANN_SOURCE_DIR) + "/experiments/toy/retrieval_soft.yaml");
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("has no `sweep:` grid") != std::string::npos);
}
