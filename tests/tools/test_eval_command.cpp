// `mann eval`, `attention` and `inspect` on a run directory: the same checkpoint (best unless --last), named
// in the output; eval scores any split, says how many examples, prints JSON on request, and finds the data
// where the run found it. Generated test data is the same for every training seed.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "tests/support/babi_data.h"
#include "tests/tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

const char* kTinyCopy = R"(name: tiny-copy
seed: 3
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train: {steps: 6, batch: 4, log_every: 2, eval_every: 3, checkpoint_every: 3}
eval: {batch: 8, batches: 2}
)";

}  // namespace

TEST_CASE("eval, inspect and attention read the same checkpoint of a run, and say which") {
  TempDir dir("eval-command");
  const std::string run = (dir.path() / "run").string();
  REQUIRE(run_mann("train " + dir.write("tiny.yaml", kTinyCopy) + " --out " + run).exit_code == 0);

  const auto best = run_mann("eval " + run);
  REQUIRE_MESSAGE(best.exit_code == 0, best.output);
  CHECK_MESSAGE(
      best.output.find("checkpoint: " + run + "/checkpoints/best.h5 (the run's best checkpoint, step ") !=
          std::string::npos,
      best.output);
  CHECK(best.output.find("test split, 16 examples") != std::string::npos);

  const auto last = run_mann("eval " + run + " --last --split train");
  REQUIRE_MESSAGE(last.exit_code == 0, last.output);
  CHECK(last.output.find("/checkpoints/last.h5 (the run's last checkpoint, step 6)") != std::string::npos);
  CHECK(last.output.find("train split") != std::string::npos);

  const auto inspected = run_mann("inspect " + run);
  CHECK_MESSAGE(inspected.output.find("best.h5 (the run's best checkpoint") != std::string::npos,
                inspected.output);
  CHECK(run_mann("inspect " + run + " --last").output.find("last.h5 (the run's last checkpoint, step 6)") !=
        std::string::npos);

  const auto json = run_mann("eval " + run + " --json --split valid");
  REQUIRE_MESSAGE(json.exit_code == 0, json.output);
  CHECK_MESSAGE(json.output.starts_with("{\"experiment\": \"tiny-copy\", \"checkpoint\": \""), json.output);
  CHECK(json.output.find("\"split\": \"valid\", \"examples\": 16, \"metrics\": {\"bit_errors\": ") !=
        std::string::npos);
  CHECK(json.output.ends_with("}}\n"));

  CHECK(run_mann("eval " + run + " --split dev").exit_code == 2);
  CHECK(run_mann("attention " + run + " --split dev").exit_code == 2);
}

TEST_CASE("generated test data does not depend on the training seed unless eval.seed says so") {
  TempDir dir("eval-seed");
  const std::string file = dir.write("tiny.yaml", kTinyCopy);
  const mann::Experiment seed1 = mann::build_experiment(mann::load_and_validate(file, {"seed=1"}));
  const mann::Experiment seed2 = mann::build_experiment(mann::load_and_validate(file, {"seed=2"}));
  CHECK(seed1.trainer.eval_seed == seed2.trainer.eval_seed);
  const mann::Experiment chosen = mann::build_experiment(mann::load_and_validate(file, {"eval.seed=9"}));
  CHECK(chosen.trainer.eval_seed == 9);
}

TEST_CASE("a run remembers its --data-dir, so eval needs it only to look elsewhere" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("eval-data-dir");
  const std::string run = (dir.path() / "run").string();
  const auto trained =
      run_command("env -u MANN_DATA " + std::string(MANN_BINARY) + " train " + MANN_SOURCE_DIR +
                  "/experiments/babi/pe_ls_rn_3hop_1k.yaml --data-dir " + data + " --out " + run +
                  " --set train.steps=2 --set train.eval_every=2 --set train.log_every=1");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(read_text(fs::path(run) / "config.yaml")
            .find("data_dir: " + fs::absolute(data).lexically_normal().string()) != std::string::npos);
  const auto evaluated = run_command("cd " + dir.path().string() + " && env -u MANN_DATA " +
                                     std::string(MANN_BINARY) + " eval " + run);
  CHECK_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  const auto elsewhere = run_command("env -u MANN_DATA " + std::string(MANN_BINARY) + " eval " + run +
                                     " --data-dir " + dir.path().string());
  CHECK(elsewhere.exit_code == 1);  // --data-dir still overrides: no bAbI files there
}
