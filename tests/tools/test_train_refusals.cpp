// `mann train` refuses bad input with a message that names the file, the line and the key, and an exit code
// of 1: never a crash, never a silent default, never a run written outside its directory (issue #16).
#include <doctest/doctest.h>

#include <string>

#include "tests/tools/cli_support.h"

using namespace mann::testing;

TEST_SUITE_BEGIN("tools");

namespace {

const char* kTiny = R"(name: tiny
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train:
  steps: 20
  optimizer: {type: adam, lr: 0.01}
)";

// `mann train FILE --dry-run EXTRA` on kTiny with `extra_yaml` appended to it.
CommandResult dry_run(const TempDir& dir, const std::string& extra_yaml, const std::string& extra_args = "") {
  const std::string file = dir.write("exp.yaml", kTiny + extra_yaml);
  return run_mann("train " + file + " --dry-run " + extra_args);
}

// The run was refused (exit 1, no signal) with `message` in its output.
void check_refused(const CommandResult& r, const std::string& message) {
  CHECK_MESSAGE(r.exit_code == 1, r.output);
  CHECK_MESSAGE(r.output.find(message) != std::string::npos, r.output);
}

}  // namespace

TEST_CASE("mann train refuses a recursive alias, from a file or --set, instead of crashing") {
  TempDir dir("refusals");
  check_refused(run_mann("train " MANN_SOURCE_DIR "/tests/data/fuzz/yaml_recursive_alias.yaml --dry-run"),
                "yaml_recursive_alias.yaml:1:4: key `a[0]`: recursive alias: this value contains itself");
  check_refused(
      dry_run(dir, "", "--set 'model.hidden=&x [*x]'"),
      "<command line>:1:1: key `model.hidden`: invalid value in --set `model.hidden=&x [*x]`: recursive "
      "alias");
}

TEST_CASE("mann train refuses NaN, out-of-range and empty values at their file:line and key") {
  TempDir dir("refusals");
  const std::string exp = dir.path("exp.yaml");
  check_refused(dry_run(dir, "  clip_norm: -1\n"),
                exp + ":7:14: key `train.clip_norm`: must be >= 0, got `-1`");
  check_refused(dry_run(dir, "  steps_per_epoch: .nan\n"),
                exp + ":7:20: key `train.steps_per_epoch`: expected an integer, got `.nan`");
  check_refused(dry_run(dir, "", "--set train.optimizer.lr=.nan"),
                "key `train.optimizer.lr`: expected a number, got `.nan` (not a number)");
  check_refused(dry_run(dir, "  clip_value: .inf\n"), exp + ":7:15: key `train.clip_value`: must be >= 0");
  // `steps: ~` used to train the default 1000 steps.
  check_refused(
      dry_run(dir, "eval:\n  batch: ~\n"),
      exp + ":8:10: key `eval.batch`: empty value: give one, or leave the key out for the default 64");
  check_refused(
      dry_run(dir, "eval: {split: tset}\n"),
      exp + ":7:15: key `eval.split`: must be one of valid, test, train, got `tset`; did you mean `test`?");
}

TEST_CASE("mann train warns when the best checkpoint is chosen on test data") {
  TempDir dir("refusals");
  const CommandResult r = dry_run(dir, "eval: {split: test}\n");
  CHECK_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("warning: " + dir.path("exp.yaml") + ":7:15: key `eval.split` is `test`") !=
        std::string::npos);
}

TEST_CASE("mann train refuses run names that would leave the run directory, and an empty --out") {
  TempDir dir("refusals");
  const std::string exp = dir.path("exp.yaml");
  check_refused(run_mann("train " + dir.write("exp.yaml", kTiny) + " --dry-run --set name=../elsewhere"),
                "key `name`: must not contain `/`");
  check_refused(run_mann("train " + exp + " --dry-run --set name=.."), "key `name`: must name a directory");
  check_refused(run_mann("train " + exp + " --dry-run --set 'name=\"a\\tb\"'"),
                "key `name`: must not contain control characters");
  check_refused(run_mann("train " + exp + " --dry-run --set name=" + std::string(300, 'x')),
                "key `name`: is 300 bytes long; a directory name may have at most 255");
  const CommandResult out = run_mann("train " + exp + " --dry-run --out ''");
  CHECK(out.exit_code == 2);
  CHECK_MESSAGE(out.output.find("--out needs a directory, got an empty string") != std::string::npos,
                out.output);
}

TEST_CASE("mann train names the file that lacks a required option, and refuses absurd sizes") {
  TempDir dir("refusals");
  const std::string file = dir.write("no_dataset.yaml", "name: x\nmodel: {type: lstm}\n");
  check_refused(run_mann("train " + file + " --dry-run"),
                file + ":1:1: key `dataset`: missing required option");
  const std::string empty = dir.write("empty.yaml", "# nothing but a comment\n");  // e.g. truncated
  check_refused(run_mann("train " + empty + " --dry-run"),
                empty + ":1:1: key `dataset`: missing required option");
  // A mistyped size is refused before it takes the machine's memory (a dry run took 3.6 GB).
  check_refused(dry_run(dir, "", "--set model.hidden=200000"),
                "is more than one matrix may hold (1 GiB): check the model's sizes");
}

TEST_SUITE_END();
