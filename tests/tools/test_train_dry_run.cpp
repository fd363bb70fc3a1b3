// `mann train --dry-run`: everything a run needs is checked, the resolved config and the run's size and
// length are printed, and nothing is written.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "tests/support/babi_data.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

namespace {
const std::string kExperiments = std::string(MANN_SOURCE_DIR) + "/experiments/";
}

TEST_CASE("mann train --dry-run describes the run and writes nothing") {
  TempDir dir("dry-run");
  const std::string run = (dir.path() / "run").string();
  const CommandResult r =
      run_mann("train " + kExperiments + "ntm/copy_short.yaml --dry-run --out " + run + " --set seed=7");
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("seed: 7") != std::string::npos);  // the resolved config, overrides applied
  CHECK(r.output.find("type: ntm") != std::string::npos);
  CHECK(r.output.find(" parameters, ") != std::string::npos);
  CHECK(r.output.find("run directory " + run + "\n# dry run: nothing was written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(run));

  // A mistake is still reported, with its key.
  const CommandResult bad =
      run_mann("train " + kExperiments + "ntm/copy_short.yaml --dry-run --set train.steps=3_weeks");
  CHECK(bad.exit_code != 0);
  CHECK(bad.output.find("train.steps") != std::string::npos);

  // An existing run is described, not refused (a real start would need --resume or --force), and a resume
  // is checked against its checkpoint.
  REQUIRE(run_mann("train " + kExperiments + "ntm/copy_short.yaml --out " + run +
                   " --set train.steps=2 --set eval.batches=1 --set eval.batch=2")
              .exit_code == 0);
  const CommandResult again =
      run_mann("train " + kExperiments + "ntm/copy_short.yaml --dry-run --out " + run);
  CHECK(again.exit_code == 0);
  CHECK(again.output.find("(has a checkpoint)") != std::string::npos);
  const auto before = std::filesystem::last_write_time(dir.path() / "run" / "metrics.csv");
  const CommandResult resumed = run_mann("train --resume " + run + " --dry-run --set train.steps=4");
  CHECK_MESSAGE(resumed.exit_code == 0, resumed.output);
  CHECK(resumed.output.find("resuming ") != std::string::npos);
  CHECK(resumed.output.find(", 4 steps, ") != std::string::npos);
  CHECK(std::filesystem::last_write_time(dir.path() / "run" / "metrics.csv") == before);
}

TEST_CASE("mann train --dry-run gives a bAbI run's length in epochs" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  const CommandResult r =
      run_mann("train " + kExperiments + "babi/pe_ls_rn_3hop_1k.yaml --dry-run --data-dir " + data +
               " --set dataset.task=1,2");
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find(" parameters, 5700 steps (100 epochs of 57 steps), run directory ") !=
        std::string::npos);
  const CommandResult part =
      run_mann("train " + kExperiments + "babi/pe_ls_rn_3hop_1k.yaml --dry-run --data-dir " + data +
               " --set train.steps=30");
  CHECK(part.output.find(" parameters, 30 steps (1.0 epochs of 29 steps), run directory ") !=
        std::string::npos);
  const CommandResult one =
      run_mann("train " + kExperiments + "babi/pe_ls_rn_3hop_1k.yaml --dry-run --data-dir " + data +
               " --set 'train.steps=1 epoch'");
  CHECK(one.output.find(" parameters, 29 steps (1 epoch of 29 steps), run directory ") != std::string::npos);
}

TEST_SUITE_END();
