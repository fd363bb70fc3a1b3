// What a user may rely on: the same binary, seed and thread count give bit-identical runs, and a run
// stopped and resumed gives exactly the parameters of one trained straight through, for every kind of
// addressing (hard attention's moving-average baseline and Gumbel noise included).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "framework/io/checkpoint.h"
#include "tools/run_state.h"
#include "tests/support/temp_dir.h"
#include "tests/tools/cli_support.h"

using namespace mann;
using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

const std::string kRetrieval = MANN_SOURCE_DIR "/experiments/toy/retrieval_";

// Trains `config` with `options` into `run`; fails the test case with the output when it does not end well.
void train(const std::string& config, const fs::path& run, const std::string& options) {
  const CommandResult r = run_mann("train " + config + " --out " + run.string() + " --threads 1 " + options);
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
}

// Every parameter of the two runs' last checkpoints, bit for bit, and the same step.
void check_identical_parameters(const fs::path& a, const fs::path& b) {
  const CheckpointData ca = read_checkpoint(a / "checkpoints" / "last.h5");
  const CheckpointData cb = read_checkpoint(b / "checkpoints" / "last.h5");
  CHECK(ca.progress.step == cb.progress.step);
  REQUIRE(ca.params.size() == cb.params.size());
  for (const auto& [name, value] : ca.params) {
    CAPTURE(name);
    const Matrix* other = cb.param(name);
    REQUIRE(other != nullptr);
    REQUIRE(other->rows() == value.rows());
    REQUIRE(other->cols() == value.cols());
    CHECK(value.cwiseNotEqual(*other).count() == 0);
  }
}

// `steps` straight, and steps/2 then --resume to `steps`: identical parameters.
void check_resume_is_exact(const std::string& config, int steps, const std::string& options = "") {
  CAPTURE(config);
  TempDir dir("resume-exact");
  const std::string length = " --set train.steps=";
  train(config, dir / "straight", options + length + std::to_string(steps));
  train(config, dir / "split", options + length + std::to_string(steps / 2));
  const CommandResult resumed =
      run_mann("train --resume " + dir.path("split") + " --threads 1" + length + std::to_string(steps));
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  check_identical_parameters(dir / "straight", dir / "split");
  // The resumed run's metrics.csv has the rows of the straight one: no extra row where the first part
  // ended, and the next row averages the same steps.
  const MetricsTable straight = read_metrics_csv(dir / "straight" / "metrics.csv");
  const MetricsTable split = read_metrics_csv(dir / "split" / "metrics.csv");
  CHECK(split.column("step") == straight.column("step"));
  const std::vector<double> a = straight.column("loss"), b = split.column("loss");
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(b[i] == doctest::Approx(a[i]).epsilon(2e-5));
}

}  // namespace

TEST_CASE("two runs of the same binary, seed and threads are bit-identical") {
  TempDir dir("twice");
  for (const char* run : {"one", "two"}) train(kRetrieval + "hard.yaml", dir / run, "--set train.steps=60");
  check_identical_parameters(dir / "one", dir / "two");
  CHECK(read_text(dir / "one" / "metrics.csv").size() > 0);
}

TEST_CASE(
    "resume is bit-identical for soft, hard (moving-average and learned baselines) and Gumbel attention") {
  check_resume_is_exact(kRetrieval + "soft.yaml", 60);
  check_resume_is_exact(kRetrieval + "hard.yaml", 60);
  check_resume_is_exact(kRetrieval + "hard.yaml", 60, "--set model.addressing.baseline=learned");
  check_resume_is_exact(kRetrieval + "gumbel.yaml", 60);
}

TEST_CASE("hard attention's moving-average baseline is saved with the parameters") {
  TempDir dir("ema-saved");
  train(kRetrieval + "hard.yaml", dir / "run", "--set train.steps=10");
  const CheckpointData c = read_checkpoint(dir / "run" / "checkpoints" / "last.h5");
  bool found = false;
  for (const auto& [name, value] : c.params) {
    if (name.find("baseline/ema") == std::string::npos) continue;
    found = true;
    REQUIRE(value.size() == 2);
    CHECK(value(0, 1) == 1.f);  // it has seen batches
    CHECK(value(0, 0) > 0.f);   // and tracks the (positive) reward
  }
  CHECK(found);
}

TEST_SUITE_END();
