// A sample of the config fuzzer (tools/fuzz/fuzz_configs.py) on every test run: mutated experiment files
// through `mann train --dry-run` must be refused with the file named, never crash or hang. The full run
// (1000 files) is `python3 tools/fuzz/fuzz_configs.py`.
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

TEST_CASE("config fuzzer sample: 40 mutated experiment files, none crashes or hangs mann") {
  if (run_command("python3 --version").exit_code != 0) {
    MESSAGE("skipped: python3 is not installed");
    return;
  }
  const CommandResult r =
      run_command("python3 " MANN_SOURCE_DIR "/tools/fuzz/fuzz_configs.py --mann " MANN_BINARY
                  " --count 40 --seed 2 --timeout 20");
  CHECK_MESSAGE(r.exit_code == 0, r.output);
  CHECK_MESSAGE(r.output.find("40 passed, 0 failed") != std::string::npos, r.output);
}

TEST_SUITE_END();
