// End-to-end: `mann train` on a tiny experiment, then inspect/eval its checkpoints, resume, and the
// errors a user can run into.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <sstream>
#include <vector>

#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

const char* kTinyCopy = R"(name: tiny-copy
seed: 3
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 16}
train:
  steps: 20
  batch: 4
  optimizer: {type: adam, lr: 0.01}
  log_every: 1
  eval_every: 10
  checkpoint_every: 10
eval: {batch: 8, batches: 2}
)";

std::vector<double> csv_column(const fs::path& csv, const std::string& name) {
  std::istringstream in(read_text(csv));
  std::string line;
  std::getline(in, line);
  int index = -1, i = 0;
  std::istringstream header(line);
  for (std::string cell; std::getline(header, cell, ','); ++i)
    if (cell == name) index = i;
  std::vector<double> values;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string cell;
    for (int k = 0; k <= index; ++k) std::getline(row, cell, ',');
    values.push_back(cell.empty() ? NAN : std::stod(cell));
  }
  return values;
}

}  // namespace

TEST_CASE("mann train -> inspect -> eval on a tiny experiment, readable by h5dump") {
  TempDir dir("cli");
  const std::string config = dir.write("tiny.yaml", kTinyCopy);
  const fs::path run = dir.path() / "run";
  const auto trained = run_mann("train " + config + " --out " + run.string());
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(fs::exists(run / "config.yaml"));
  CHECK(fs::exists(run / "checkpoints" / "last.h5"));
  CHECK(fs::exists(run / "checkpoints" / "best.h5"));
  CHECK(csv_column(run / "metrics.csv", "loss").size() == 20);
  // The run keeps what it printed, without the live redraws.
  const std::string log = read_text(run / "progress.log");
  CHECK(log.find("training tiny-copy:") != std::string::npos);
  CHECK(log.find("step 20/20") != std::string::npos);
  CHECK(log.find("eval valid at step 20") != std::string::npos);
  CHECK(log.find("finished tiny-copy at step 20") != std::string::npos);
  CHECK(log.find('\r') == std::string::npos);

  const auto inspected = run_mann("inspect " + run.string() + " --last");
  REQUIRE_MESSAGE(inspected.exit_code == 0, inspected.output);
  CHECK(inspected.output.find("experiment:   tiny-copy") != std::string::npos);
  CHECK(inspected.output.find("step 20") != std::string::npos);
  CHECK(inspected.output.find("model/lstm0/W") != std::string::npos);
  CHECK(inspected.output.find("total parameters:") != std::string::npos);
  const auto tensor = run_mann("inspect " + run.string() + " --tensor model/readout/b");
  CHECK_MESSAGE(tensor.exit_code == 0, tensor.output);
  CHECK(run_mann("inspect " + run.string() + " --tensor nope").exit_code == 1);
  const auto config_text = run_mann("inspect " + run.string() + " --config");
  CHECK(config_text.output.find("hidden: 16") != std::string::npos);

  const auto evaluated = run_mann("eval " + run.string() + " --split test");
  REQUIRE_MESSAGE(evaluated.exit_code == 0, evaluated.output);
  CHECK(evaluated.output.find("bit_errors") != std::string::npos);

  if (run_command("command -v h5dump").exit_code == 0) {
    const auto dumped = run_command("h5dump -H " + (run / "checkpoints" / "last.h5").string());
    CHECK_MESSAGE(dumped.exit_code == 0, dumped.output);
    CHECK(dumped.output.find("params") != std::string::npos);
  } else {
    MESSAGE("h5dump not installed: skipped reading the checkpoint with it");
  }
  // a second train into the same directory would destroy the run: refused
  const auto again = run_mann("train " + config + " --out " + run.string());
  CHECK(again.exit_code == 1);
  CHECK(again.output.find("--resume") != std::string::npos);
}

TEST_CASE("a resumed run produces exactly the losses of an uninterrupted one") {
  TempDir dir("resume");
  const std::string config = dir.write("tiny.yaml", kTinyCopy);
  const fs::path straight = dir.path() / "straight", split = dir.path() / "split";
  REQUIRE(run_mann("train " + config + " --out " + straight.string()).exit_code == 0);
  REQUIRE(run_mann("train " + config + " --out " + split.string() + " --set train.steps=10").exit_code == 0);
  const auto resumed = run_mann("train --resume " + split.string() + " --set train.steps=20");
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  const auto a = csv_column(straight / "metrics.csv", "loss");
  const auto b = csv_column(split / "metrics.csv", "loss");
  REQUIRE(a.size() == 20);
  REQUIRE(b.size() == 20);
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
}

TEST_CASE("config mistakes are reported with file, line, key and a suggestion before training") {
  TempDir dir("config-errors");
  std::string text = kTinyCopy;
  text.replace(text.find("hidden: 16"), 10, "hiden: 16");
  const std::string typo = dir.write("typo.yaml", text);
  const auto result = run_mann("train " + typo + " --out " + (dir.path() / "run").string());
  CHECK(result.exit_code == 1);
  CHECK_MESSAGE(result.output.find("typo.yaml:4:") != std::string::npos, result.output);
  CHECK(result.output.find("hidden") != std::string::npos);
  CHECK(!fs::exists(dir.path() / "run"));  // nothing was started

  const auto bad_set = run_mann("train " + dir.write("ok.yaml", kTinyCopy) + " --set model.layers=two");
  CHECK(bad_set.exit_code == 1);
  CHECK_MESSAGE(bad_set.output.find("model.layers") != std::string::npos, bad_set.output);

  const auto unknown_type =
      run_mann("train " + dir.write("t.yaml", std::string(kTinyCopy) + "") + " --set model.type=ntmm");
  CHECK(unknown_type.exit_code == 1);
  CHECK(unknown_type.output.find("lstm") != std::string::npos);  // lists what is registered
}

TEST_CASE("training stops on a diverging loss and keeps the last good checkpoint") {
  TempDir dir("nan");
  const std::string config = dir.write("tiny.yaml", kTinyCopy);
  const fs::path run = dir.path() / "run";
  const auto result =
      run_mann("train " + config + " --out " + run.string() +
               " --set 'train.optimizer={type: adam, lr: 1e38}' --set train.checkpoint_every=1");
  CHECK_MESSAGE(result.exit_code == 3, result.output);
  CHECK(result.output.find("training stopped: step") != std::string::npos);
  CHECK(result.output.find("last good checkpoint") != std::string::npos);
  CHECK(result.output.find("parameter with a NaN or Inf gradient is `model/") != std::string::npos);
  const auto inspected = run_mann("inspect " + run.string());
  CHECK_MESSAGE(inspected.exit_code == 0, inspected.output);
}

TEST_CASE("command-line slips get a hint, and a run records the command and commit that made it") {
  const auto misspelt = run_mann("trian");
  CHECK(misspelt.exit_code == 2);
  CHECK_MESSAGE(misspelt.output.find("did you mean `train`?") != std::string::npos, misspelt.output);

  TempDir dir("record");
  const std::string config = dir.write("tiny.yaml", kTinyCopy);
  const auto positional = run_mann("train " + config + " train.steps=2");
  CHECK(positional.exit_code == 2);
  CHECK_MESSAGE(positional.output.find("write `--set train.steps=2`") != std::string::npos,
                positional.output);

  const fs::path run = dir.path() / "run";
  const auto trained = run_mann("train " + config + " --set train.steps=2 --out " + run.string());
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const std::string record = read_text(run / "command.txt");
  CHECK_MESSAGE(
      record.find("mann train " + config + " --set train.steps=2 --out " + run.string()) != std::string::npos,
      record);
  const auto head = run_command("git -C " + std::string(MANN_SOURCE_DIR) + " rev-parse HEAD");
  if (head.exit_code == 0)
    CHECK(record.find("# git commit " + head.output.substr(0, 40)) != std::string::npos);
}

TEST_CASE("mann list, --help and --version") {
  const auto listed = run_mann("list");
  CHECK(listed.exit_code == 0);
  for (const char* expected : {"copy", "lstm", "adam", "graves_rmsprop", "steps"})
    CHECK_MESSAGE(listed.output.find(expected) != std::string::npos, expected);
  CHECK(run_mann("--version").output.find("mann ") == 0);
  CHECK(run_mann("train --help").exit_code == 0);
  CHECK(run_mann("inspect --version").output.find("mann ") == 0);
  CHECK(run_mann("frobnicate").exit_code == 2);
  CHECK(run_mann("eval").exit_code == 2);
}
