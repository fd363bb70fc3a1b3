// An unknown --set key one level off its real place gets the real key path suggested, and `mann train
// --help` shows an override that works.
#include <doctest/doctest.h>

#include "tests/tools/cli_support.h"
#include "tools/experiment.h"
#include "tools/key_paths.h"

using namespace mann::testing;

namespace {

const char* kTiny = R"(name: tiny
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: ntm, memory_slots: 8, memory_width: 4, controller_size: 8}
train: {steps: 2, batch: 2}
)";

}  // namespace

TEST_CASE("an unknown --set key suggests the nearest key path of the whole config") {
  TempDir dir("key-path");
  const std::string config = dir.write("tiny.yaml", kTiny);
  const auto lr = run_mann("train " + config + " --dry-run --set train.lr=0.005");
  CHECK(lr.exit_code == 1);
  CHECK_MESSAGE(lr.output.find("did you mean `train.optimizer.lr`?") != std::string::npos, lr.output);
  // Into the chosen component's nested options (the NTM's heads use ntm_location addressing by default).
  const auto shift = run_mann("train " + config + " --dry-run --set model.shift_range=2");
  CHECK(shift.exit_code == 1);
  CHECK_MESSAGE(shift.output.find("did you mean `model.") != std::string::npos, shift.output);
  // A near typo in the same map keeps its own suggestion.
  const auto typo = run_mann("train " + config + " --dry-run --set train.stpes=3");
  CHECK_MESSAGE(typo.output.find("did you mean `steps`?") != std::string::npos, typo.output);
}

TEST_CASE("mann train --help suggests an override that is accepted") {
  const auto help = run_mann("train --help");
  CHECK(help.output.find("--set train.lr") == std::string::npos);
  CHECK(help.output.find("--set train.optimizer.lr=") != std::string::npos);
}

TEST_CASE("nearest_key_path prefers the same last key, then edit distance") {
  const std::vector<std::string> known = {
      "train.steps", "train.optimizer.lr", "train.optimizer.type", "model.addressing.score", "eval.seed",
      "seed"};
  CHECK(mann::nearest_key_path("train.lr", known) == "train.optimizer.lr");
  CHECK(mann::nearest_key_path("model.score", known) == "model.addressing.score");
  CHECK(mann::nearest_key_path("train.seed", known) == "seed");
  CHECK(mann::nearest_key_path("train.stesp", known) == "train.steps");
  CHECK(mann::nearest_key_path("zzzzzz", known).empty());
}
