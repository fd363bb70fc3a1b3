// experiments/babi/choose_by_validation.sh picks, per task, the finished run with the lowest final
// validation error across several run directories (ties: lower validation loss) and reports its test error;
// a stand-in `mann` answers `eval` with the error written in the run, so the choice is what is tested.
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

namespace mann::testing {
namespace {

// A finished run as best_of_runs.sh leaves it: metrics.csv whose last validation is (valid, loss), a final
// checkpoint, and (for the stand-in mann) the test error its final model would have.
void write_run(const TempDir& dir, const std::string& run, const std::string& valid, const std::string& loss,
               const std::string& test_error) {
  dir.write(run + "/metrics.csv",
            "step,train_loss,valid_error,valid_loss\n100,0.9,0.5,1.5\n200,0.7,,\n300,0.6," + valid + "," +
                loss + "\n400,0.5,,\n");
  dir.write(run + "/checkpoints/last.h5", "");
  dir.write(run + "/test_error", test_error + "\n");
}

TEST_CASE("choose_by_validation.sh: lowest final validation error across directories, ties by loss") {
  TempDir dir("babi-choice");
  // `mann eval RUN/checkpoints/last.h5 --split test ...` prints the run's error as the real one does.
  dir.write(
      "fake_mann",
      "#!/bin/bash\necho \"  error            $(cat \"$(dirname \"$(dirname \"$2\")\")/test_error\")\"\n");
  REQUIRE(run_command("chmod +x " + dir.path("fake_mann")).exit_code == 0);

  write_run(dir, "base/task1-seed1", "0.2", "0.5", "0.21");
  write_run(dir, "base/task1-seed2", "0.1", "0.6", "0.12");    // the lowest error of task 1, tied ...
  write_run(dir, "wide/task1-seed1", "0.1", "0.4", "0.09");    // ... and beaten on loss by this one
  write_run(dir, "base/task10-seed1", "0.05", "0.3", "0.04");  // task 10's runs are not task 1's
  write_run(dir, "wide/task10-seed2", "0.3", "0.2", "0.33");
  dir.write("wide/task10-seed3/metrics.csv", "step,valid_error,valid_loss\n1,0.0,0.0\n");  // unfinished

  const std::string script = std::string(MANN_SOURCE_DIR) + "/experiments/babi/choose_by_validation.sh";
  const CommandResult chosen =
      run_command("bash " + script + " " + dir.path("fake_mann") + " " + dir.path("summary.txt") + " " +
                  dir.path("base") + " " + dir.path("wide") + " -- 1 10");
  INFO(chosen.output);
  REQUIRE(chosen.exit_code == 0);
  CHECK(chosen.output.find("task 1: test error 0.09 (valid 0.1, " + dir.path("wide/task1-seed1") + ")") !=
        std::string::npos);
  CHECK(chosen.output.find("task 10: test error 0.04 (valid 0.05, " + dir.path("base/task10-seed1") + ")") !=
        std::string::npos);
  // (0.09 + 0.04) / 2 = 6.5%; only task 1 is over the 5% line.
  CHECK(chosen.output.find("mean test error 6.5% over 2 tasks, failed tasks (> 5%): 1") != std::string::npos);
  CHECK(read_text(dir / "summary.txt") == chosen.output);

  const CommandResult missing = run_command("bash " + script + " " + dir.path("fake_mann") + " " +
                                            dir.path("summary2.txt") + " " + dir.path("base") + " -- 2");
  CHECK(missing.exit_code != 0);
  CHECK(missing.output.find("task 2 has no finished run") != std::string::npos);
}

}  // namespace
}  // namespace mann::testing
