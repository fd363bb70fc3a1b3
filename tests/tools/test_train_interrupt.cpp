// Ctrl-C and SIGTERM during `mann train` and `mann compare`: the run stops after its current step with a
// checkpoint of it, says how to resume, exits 130 / 143, and resuming gives exactly the parameters of an
// uninterrupted run.
#include <doctest/doctest.h>
#include <signal.h>

#include <sstream>

#include "framework/io/checkpoint.h"
#include "framework/util/strings.h"
#include "tests/support/processes.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

const std::string kSoft = std::string(MANN_SOURCE_DIR) + "/experiments/toy/retrieval_soft.yaml";

// Soft attention (no REINFORCE baseline state) with a report every 10 steps and no periodic checkpoint or
// evaluation: only the interruption writes one before the end.
std::vector<std::string> toy_settings(const std::string& steps) {
  return {"--set", "train.steps=" + steps,     "--set", "train.log_every=10",
          "--set", "train.checkpoint_every=0", "--set", "train.eval_every=0"};
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

int64_t checkpoint_step(const fs::path& run) {
  return mann::read_checkpoint(run / "checkpoints" / "last.h5").progress.step;
}

// Waits until a run's metrics.csv has at least `rows` rows (it is training).
bool wait_for_rows(const fs::path& run, int rows) {
  return wait_for([&] { return count_occurrences(read_text(run / "metrics.csv"), "\n") > rows; }, 60);
}

}  // namespace

TEST_CASE(
    "Ctrl-C stops mann train at a checkpoint of the current step; resuming matches an uninterrupted run") {
  TempDir dir("train-interrupt");
  const fs::path stopped = dir.path() / "stopped", whole = dir.path() / "whole";
  const pid_t pid = start_mann(concat({"train", kSoft, "--out", stopped.string()}, toy_settings("10000000")),
                               dir.path() / "stopped.log");
  REQUIRE(pid > 0);
  REQUIRE_MESSAGE(wait_for_rows(stopped, 2), read_text(dir.path() / "stopped.log"));
  kill(pid, SIGINT);
  CHECK(wait_exit_code(pid) == 130);
  const std::string log = read_text(dir.path() / "stopped.log");
  const int64_t step = checkpoint_step(stopped);
  CHECK(step > 0);
  CHECK_MESSAGE(log.find("interrupted at step " + std::to_string(step) + "; checkpoint saved to " +
                         (stopped / "checkpoints" / "last.h5").string() +
                         "; resume with: mann train --resume " + stopped.string()) != std::string::npos,
                log);

  // Resumed to a length a little past the interruption, and trained in one go to the same length.
  const std::string end = std::to_string(step + 37);
  const auto resumed = run_mann("train --resume " + stopped.string() + " --set train.steps=" + end);
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  const auto uninterrupted =
      run_mann(mann::join(concat({"train", kSoft, "--out", whole.string()}, toy_settings(end)), " "));
  REQUIRE_MESSAGE(uninterrupted.exit_code == 0, uninterrupted.output);
  const mann::CheckpointData a = mann::read_checkpoint(stopped / "checkpoints" / "last.h5");
  const mann::CheckpointData b = mann::read_checkpoint(whole / "checkpoints" / "last.h5");
  CHECK(a.progress.step == b.progress.step);
  REQUIRE(a.params.size() == b.params.size());
  for (size_t i = 0; i < a.params.size(); ++i) {
    CHECK(a.params[i].first == b.params[i].first);
    CHECK_MESSAGE(a.params[i].second == b.params[i].second, a.params[i].first);  // bit for bit
  }
}

TEST_CASE("SIGTERM stops mann train with exit code 143 and a checkpoint") {
  TempDir dir("train-term");
  const fs::path run = dir.path() / "run";
  const pid_t pid = start_mann(concat({"train", kSoft, "--out", run.string()}, toy_settings("10000000")),
                               dir.path() / "log");
  REQUIRE(pid > 0);
  REQUIRE_MESSAGE(wait_for_rows(run, 1), read_text(dir.path() / "log"));
  kill(pid, SIGTERM);
  CHECK(wait_exit_code(pid) == 143);
  CHECK(checkpoint_step(run) > 0);
}

TEST_CASE("SIGTERM to mann compare stops its training children at a checkpoint; the next call resumes them") {
  TempDir dir("compare-interrupt");
  const fs::path out = dir.path() / "cmp", seed1 = out / "retrieval_soft" / "seed-1";
  const std::vector<std::string> compare = {"compare", kSoft, "--seeds", "1", "--out", out.string()};
  const pid_t pid = start_mann(concat(compare, toy_settings("10000000")), dir.path() / "compare.log");
  REQUIRE(pid > 0);
  REQUIRE_MESSAGE(wait_for_rows(seed1, 2), read_text(dir.path() / "compare.log"));
  kill(pid, SIGTERM);  // the compare process alone: it passes the signal on
  CHECK(wait_exit_code(pid) == 143);
  CHECK(wait_for([&] { return processes_with(out.string()).empty(); }, 10));
  const std::string log = read_text(dir.path() / "compare.log");
  CHECK_MESSAGE(log.find("interrupted") != std::string::npos, log);
  const int64_t step = checkpoint_step(seed1);
  CHECK(step > 0);
  CHECK(read_text(seed1 / "train.log").find("interrupted at step") != std::string::npos);

  const auto resumed = run_mann(mann::join(concat(compare, toy_settings(std::to_string(step + 20))), " "));
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  CHECK_MESSAGE(resumed.output.find("from step " + std::to_string(step) + " (resuming") != std::string::npos,
                resumed.output);
  CHECK(checkpoint_step(seed1) == step + 20);
}

TEST_SUITE_END();
