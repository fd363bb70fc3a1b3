// The NTM through the experiment spine: `mann train` on experiments/ntm/copy_short.yaml for a few steps,
// `mann eval` of its checkpoint at other lengths (--set), and every experiment file validating.
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("ntm");

namespace {
const std::string kExperiments = std::string(MANN_SOURCE_DIR) + "/experiments/ntm/";
}

TEST_CASE("mann train experiments/ntm/copy_short.yaml runs end to end, and eval takes --set lengths") {
  TempDir dir("ntm-cli");
  const std::string run = (dir.path() / "run").string();
  const auto trained = run_mann("train " + kExperiments + "copy_short.yaml --out " + run +
                                " --set train.steps=6 --set train.log_every=3 --set train.eval_every=6" +
                                " --set eval.batches=1 --set eval.batch=4");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(std::filesystem::exists(dir.path() / "run" / "checkpoints" / "best.h5"));
  const std::string metrics = read_text(dir.path() / "run" / "metrics.csv");
  CHECK(metrics.find("valid_bit_errors") != std::string::npos);

  const auto inspected = run_mann("inspect " + run + " --tensor model/write0/addressing/shift/W");
  CHECK_MESSAGE(inspected.exit_code == 0, inspected.output);

  const auto evaluated =
      run_mann("eval " + run + " --set dataset.eval_min_length=30 --set dataset.eval_max_length=30");
  REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  CHECK(evaluated.output.find("bit_errors") != std::string::npos);
  // Sequences of 30 with a model that saw ~6 steps: roughly half of the 240 bits are wrong.
  CHECK(evaluated.output.find("seq_accuracy") != std::string::npos);

  const auto bad = run_mann("eval " + run + " --set model.memory_init=zeros");
  CHECK(bad.exit_code != 0);
  CHECK(bad.output.find("memory_init") != std::string::npos);
}

TEST_CASE("every NTM experiment file validates, and heads' addressing is one line") {
  for (const char* file : {"copy.yaml", "copy_short.yaml", "repeat_copy.yaml", "associative_recall.yaml",
                           "priority_sort.yaml", "sort.yaml"}) {
    TempDir dir("ntm-validate");
    // One step on a small batch: builds and runs the model exactly as configured (but shorter).
    const auto r =
        run_mann("train " + kExperiments + file + " --out " + (dir.path() / "run").string() +
                 " --set train.steps=1 --set train.batch=1 --set eval.batches=1 --set eval.batch=1");
    CHECK_MESSAGE(r.exit_code == 0, file, ": ", r.output);
  }
  TempDir dir("ntm-addressing");
  for (const char* addressing : {"{type: soft_content, score: cosine}", "{type: gumbel}", "{type: hard}"}) {
    const auto r =
        run_mann("train " + kExperiments + "copy_short.yaml --out " + (dir.path() / "run").string() +
                 " --force --set train.steps=2 --set eval.batches=1 --set eval.batch=2" +
                 " --set 'model.read_addressing=" + addressing + "'");
    CHECK_MESSAGE(r.exit_code == 0, addressing, ": ", r.output);
  }
}

TEST_SUITE_END();
