// Settings that validate as types but make no sense are refused (a negative learning rate) or warned
// about (selecting the best checkpoint on the test split).
#include <doctest/doctest.h>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

namespace {

const char* kTiny = R"(name: tiny
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train: {steps: 2, batch: 2, optimizer: {type: adam, lr: 0.01}}
)";

}  // namespace

TEST_CASE("a negative learning rate is refused at its key") {
  TempDir dir("negative-lr");
  const auto r =
      run_mann("train " + dir.write("tiny.yaml", kTiny) + " --dry-run --set train.optimizer.lr=-1");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.output.find("train.optimizer.lr") != std::string::npos, r.output);
  CHECK(r.output.find("must not be negative") != std::string::npos);
}

TEST_CASE("selecting on the test split is warned about") {
  TempDir dir("select-on-test");
  const std::string config = dir.write("tiny.yaml", kTiny);
  const auto on_test = run_mann("train " + config + " --dry-run --set eval.split=test");
  CHECK(on_test.exit_code == 0);
  CHECK_MESSAGE(on_test.output.find("warning: eval.split is test") != std::string::npos, on_test.output);
  CHECK(run_mann("train " + config + " --dry-run").output.find("warning") == std::string::npos);
}
