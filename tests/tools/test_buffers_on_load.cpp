// Buffers (saved state that is not trained) on load: a required one missing from a checkpoint is refused
// with its name; an optional one (declared with a reason) keeps its initial value.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "framework/io/checkpoint.h"
#include "tests/support/temp_dir.h"
#include "tests/tools/cli_support.h"

using namespace mann;
using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

// Trains `config` a few steps into DIR/run, then writes DIR/cut/checkpoints/last.h5 without the parameters
// or buffers whose names end in `suffix`; returns that checkpoint's path.
std::string checkpoint_without(const TempDir& dir, const std::string& config, const std::string& suffix) {
  const CommandResult trained =
      run_mann("train " + config + " --out " + dir.path("run") + " --set train.steps=3");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CheckpointData data = read_checkpoint(dir / "run" / "checkpoints" / "last.h5");
  const auto ends_in_suffix = [&](const auto& entry) { return entry.first.ends_with(suffix); };
  REQUIRE(std::any_of(data.params.begin(), data.params.end(), ends_in_suffix));
  std::erase_if(data.params, ends_in_suffix);
  fs::create_directories(dir / "cut" / "checkpoints");
  const fs::path cut = dir / "cut" / "checkpoints" / "last.h5";
  write_checkpoint(cut, data);
  return cut.string();
}

}  // namespace

TEST_CASE("a checkpoint without a required buffer (the NTM's random initial memory) is refused by name") {
  TempDir dir("required-buffer");
  const std::string cut = checkpoint_without(
      dir, MANN_SOURCE_DIR "/experiments/ntm/copy_short.yaml --set model.memory_init=random", "memory0");
  for (const std::string command : {"eval " + cut, "train --resume " + cut}) {
    CAPTURE(command);
    const CommandResult r = run_mann(command);
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.output.find("memory0") != std::string::npos, r.output);
    CHECK(r.output.find("missing") != std::string::npos);
  }
}

TEST_CASE("a checkpoint without an optional buffer (hard attention's moving average) still loads") {
  TempDir dir("optional-buffer");
  const std::string cut =
      checkpoint_without(dir, MANN_SOURCE_DIR "/experiments/toy/retrieval_hard.yaml", "baseline/ema");
  const CommandResult r = run_mann("eval " + cut);
  CHECK_MESSAGE(r.exit_code == 0, r.output);
}

TEST_SUITE_END();
