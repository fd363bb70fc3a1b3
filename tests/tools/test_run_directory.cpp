// The run directory survives what happens to runs: a second `mann train` into it, a run killed while
// saving, a disk that fills up, memory that runs out.
#include <doctest/doctest.h>
#include <signal.h>

#include <string>

#include "tests/support/processes.h"
#include "tests/support/tiny_experiments.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("a second mann train into a run directory in use is refused, naming the holder's PID") {
  TempDir dir("lock");
  const std::string config = dir.write("tiny.yaml", kTinyRetrieval);
  const fs::path run = dir.path() / "run";
  // A long first run in the background; its PID is in the lock file once it holds the lock.
  const std::string pid =
      trimmed(run_command(std::string(MANN_BINARY) + " train " + config + " --out " + run.string() +
                          " --set train.steps=100000000 > " + dir.path("first.log") + " 2>&1 & echo $!")
                  .output);
  REQUIRE(wait_for([&] { return trimmed(read_text(run / "train.lock")) == pid; }, 30));

  const CommandResult second = run_mann("train " + config + " --out " + run.string() + " --force");
  CHECK(second.exit_code == 1);
  CHECK_MESSAGE(
      second.output.find("is in use by another `mann train` (PID " + pid + ",") != std::string::npos,
      second.output);

  ::kill(std::stoi(pid), SIGKILL);
  REQUIRE(wait_for(
      [&] {
        const std::string stat = proc_text("/proc/" + pid, "stat");
        return stat.empty() || stat.find(") Z ") != std::string::npos;
      },
      10));
  // As if it was killed while saving: its temporary is stale, whether it is gone or still a zombie.
  const std::string temp = dir.write("run/checkpoints/last.h5.tmp-" + pid, "half a checkpoint");
  // The kernel dropped the lock with its holder: the directory is free again.
  const CommandResult after = run_mann("train " + config + " --out " + run.string() + " --force");
  CHECK_MESSAGE(after.exit_code == 0, after.output);
  CHECK(!fs::exists(temp));
}

TEST_CASE("the next run removes the temporaries of a run killed while saving, and only those") {
  TempDir dir("stale");
  const std::string config = dir.write("tiny.yaml", kTinyRetrieval);
  const fs::path run = dir.path() / "run";
  REQUIRE(run_mann("train " + config + " --out " + run.string()).exit_code == 0);
  // 4194305 is above Linux's largest PID: no such process can be alive.
  const fs::path stale = run / "checkpoints" / "last.h5.tmp-4194305";
  const fs::path stale_csv = run / "metrics.csv.tmp-4194305";
  const fs::path unrelated = run / "checkpoints" / "notes.tmp-abc";
  for (const fs::path& p : {stale, stale_csv, unrelated})
    dir.write(fs::relative(p, dir.path()), "half a file");

  const CommandResult resumed = run_mann("train --resume " + run.string() + " --set train.steps=6");
  CHECK_MESSAGE(resumed.exit_code == 0, resumed.output);
  CHECK(resumed.output.find("removed " + stale.string()) != std::string::npos);
  CHECK(!fs::exists(stale));
  CHECK(!fs::exists(stale_csv));
  CHECK(fs::exists(unrelated));
}

TEST_CASE("a full disk ends training with a clear error and keeps the previous checkpoint") {
  TempDir dir("full");
  const std::string config = dir.write("tiny.yaml", kTinyRetrieval);
  const fs::path run = dir.path() / "run";
  REQUIRE(run_mann("train " + config + " --out " + run.string()).exit_code == 0);
  const std::string before = read_text(run / "checkpoints" / "last.h5");

  // A file size limit stands in for a full disk: writes past 16 KiB fail with EFBIG (SIGXFSZ ignored).
  const CommandResult full = run_command("trap '' XFSZ; ulimit -f 16; " + std::string(MANN_BINARY) +
                                         " train --resume " + run.string() + " --set train.steps=8");
  INFO(full.output);
  CHECK(full.exit_code == 1);
  CHECK(full.output.find("error: " + (run / "checkpoints").string()) != std::string::npos);
  CHECK(read_text(run / "checkpoints" / "last.h5") == before);
  CHECK(run_mann("inspect " + run.string()).exit_code == 0);
  CHECK(run_mann("train --resume " + run.string() + " --set train.steps=8").exit_code == 0);
}

TEST_CASE("kill -9 campaign sample: three kills, the checkpoints always load and resume continues") {
  const CommandResult result = run_repository_script("tools/fuzz/kill_campaign.sh", "--kills 3 --seed 5");
  if (result.exit_code == 77) {
    MESSAGE("skipped: " << result.output);
    return;
  }
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("3 passed, 0 failed") != std::string::npos);
}

TEST_CASE("running out of memory ends training with a clear error, not an abort") {
  TempDir dir("oom");
  // 1 GB of address space: the 60000-symbol model fits, the first backward pass does not. Before the fix,
  // Eigen's resize left a freed buffer in a tape node and unwinding freed it again ("double free").
  const CommandResult result = run_command(
      "ulimit -v 1000000; " + std::string(MANN_BINARY) + " train " + MANN_SOURCE_DIR +
      "/experiments/seq2seq/reversal_attention.yaml --set dataset.symbols=60000 --out " + dir.path("run"));
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("error: out of memory") != std::string::npos);
}
