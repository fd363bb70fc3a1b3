// Default run directories: shipped experiment files do not share one, and `--set` overrides give a run
// its own (so `--set dataset.task=3` needs no --out).
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "framework/config/experiment.h"
#include "tests/tools/cli_support.h"
#include "tools/experiment.h"

using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

const char* kTiny = R"(name: tiny
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train: {steps: 2, batch: 2}
)";

}  // namespace

TEST_CASE("the default run directory appends key=value of each --set override") {
  TempDir dir("run-names");
  const std::string config = dir.write("tiny.yaml", kTiny);
  const std::string mann = std::string(MANN_BINARY) + " train " + config + " --dry-run";
  const auto plain = run_command("cd " + dir.path().string() + " && " + mann);
  CHECK_MESSAGE(plain.output.find("run directory runs/tiny\n") != std::string::npos, plain.output);
  const auto overridden =
      run_command("cd " + dir.path().string() + " && " + mann +
                  " --set dataset.max_length=2 --set 'train.optimizer={type: sgd, lr: 0.1}'");
  CHECK_MESSAGE(overridden.output.find("run directory runs/tiny-max_length=2-optimizer=type_sgd,lr_0.1\n") !=
                    std::string::npos,
                overridden.output);
  const auto moved = run_command("cd " + dir.path().string() + " && " + mann +
                                 " --set output.dir=elsewhere/{name} --set seed=4 --set train.log_every=1");
  CHECK_MESSAGE(moved.output.find("run directory elsewhere/tiny-seed=4\n") != std::string::npos,
                moved.output);
}

TEST_CASE("no two shipped experiment files train into the same default run directory") {
  std::map<std::string, std::string> file_of_dir;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(MANN_SOURCE_DIR) + "/experiments")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    const mann::ConfigNode raw = mann::load_experiment(entry.path().string());
    if (!raw.find("dataset")) continue;  // a fragment that is only a base
    const mann::ConfigNode config = mann::load_and_validate(entry.path().string(), {});
    const std::string dir =
        config.at("output").at("dir").as<std::string>() + "|" + config.at("name").as<std::string>();
    const auto [it, fresh] = file_of_dir.emplace(dir, entry.path().filename().string());
    const std::string message = entry.path().string() + " shares its run directory with " + it->second;
    CHECK_MESSAGE(fresh, message);
  }
}
