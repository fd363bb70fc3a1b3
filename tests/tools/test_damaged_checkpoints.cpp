// Every command that reads a checkpoint refuses a damaged one with a message naming it, never by dying
// from a signal: the regression inputs from ../shared/fuzz, a NaN parameter, and the fuzzer's sample.
#include <doctest/doctest.h>

#include <string>

#include "framework/io/checkpoint.h"
#include "tests/support/tiny_experiments.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(MANN_SOURCE_DIR) + "/tests/data/";

// Each reading command must refuse `file`: exit code 1 to 127, the file named.
void check_every_reader_refuses(const std::string& file, const fs::path& scratch) {
  for (const std::string& command : {"inspect " + file, "eval " + file,
                                     "train --resume " + file + " --out " + (scratch / "resumed").string()}) {
    CAPTURE(command);
    const CommandResult result = run_mann(command);
    INFO(result.output);
    CHECK(result.exit_code >= 1);
    CHECK(result.exit_code < 128);
    CHECK(result.output.find(file) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a checkpoint that once crashed HDF5 (shared/fuzz/checkpoint_flip_19097.h5) is refused") {
  TempDir dir("flip");
  const std::string file = kData + "checkpoint_flip_19097.h5";
  REQUIRE(fs::exists(file));
  check_every_reader_refuses(file, dir.path());
  CHECK(run_mann("inspect " + file).output.find("corrupt") != std::string::npos);
}

TEST_CASE("an unsealed checkpoint from before seals still loads") {
  const std::string file = kData + "legacy_unsealed_retrieval.h5";
  REQUIRE(fs::exists(file));
  const CommandResult inspected = run_mann("inspect " + file);
  CHECK_MESSAGE(inspected.exit_code == 0, inspected.output);
  CHECK(inspected.output.find("step 50") != std::string::npos);
  const CommandResult evaluated = run_mann("eval " + file + " --set eval.batches=1");
  CHECK_MESSAGE(evaluated.exit_code == 0, evaluated.output);
}

TEST_CASE("a checkpoint with a NaN parameter is refused by eval, inspect and resume, naming it") {
  TempDir dir("nan-param");
  const fs::path run = dir.path() / "run";
  REQUIRE(run_mann("train " + dir.write("tiny.yaml", kTinyRetrieval) + " --out " + run.string()).exit_code ==
          0);
  const fs::path file = run / "checkpoints" / "last.h5";
  mann::CheckpointData data = mann::read_checkpoint(file);
  REQUIRE(!data.params.empty());
  data.params.back().second(0, 0) = std::nanf("");
  mann::write_checkpoint(file, data);
  check_every_reader_refuses(file.string(), dir.path());
  const CommandResult evaluated = run_mann("eval " + file.string());
  CHECK(evaluated.output.find("parameter '" + data.params.back().first + "' holds NaN") != std::string::npos);
}

TEST_CASE("checkpoint fuzzer sample: 30 damaged checkpoints, each refused cleanly by every reader") {
  const CommandResult result =
      run_repository_script("tools/fuzz/fuzz_checkpoints.sh", "--count 30 --seed 7 --jobs 2");
  if (result.exit_code == 77) {
    MESSAGE("skipped: " << result.output);
    return;
  }
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("31 passed, 0 failed") != std::string::npos);
}
