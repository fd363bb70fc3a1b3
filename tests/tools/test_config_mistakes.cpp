// One `mann train` reports a mistake in each independent part of the experiment (model and dataset,
// train, eval, output), not only the first, each with its file, line and key; one mistake stays the
// usual single ConfigError.
#include <doctest/doctest.h>

#include <string>

#include "framework/config/config_error.h"
#include "tests/support/temp_dir.h"
#include "tools/experiment.h"

using namespace mann;

TEST_SUITE_BEGIN("tools");

namespace {

const char* kTwoMistakes = R"(name: two-mistakes
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hiden: 8}
train:
  steps: 2
  batch: 2
  optimizer: {type: adam, lr: 0.01}
  log_evry: 1
eval: {batch: 8, batches: 2}
)";

std::string error_of(const std::string& path) {
  try {
    load_and_validate(path, {});
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("config mistakes in different sections are reported together, each at its line") {
  testing::TempDir dir("config-mistakes");
  const std::string file = dir.write("two.yaml", kTwoMistakes);
  const std::string message = error_of(file);
  INFO(message);
  CHECK(message.starts_with("2 mistakes in the experiment:"));
  CHECK(message.find("two.yaml:3:") != std::string::npos);
  CHECK(message.find("model.hiden") != std::string::npos);
  CHECK(message.find("`hidden`") != std::string::npos);
  CHECK(message.find("two.yaml:8:") != std::string::npos);
  CHECK(message.find("train.log_evry") != std::string::npos);
  CHECK(message.find("`log_every`") != std::string::npos);

  std::string one = kTwoMistakes;
  one.replace(one.find("log_evry"), 8, "log_every");
  const std::string single = dir.write("one.yaml", one);
  CHECK_THROWS_AS(load_and_validate(single, {}), ConfigError);
  CHECK(error_of(single).find("mistakes in the experiment") == std::string::npos);
}

TEST_SUITE_END();
