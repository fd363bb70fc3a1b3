// Training options a long run needs: the metric that picks best.h5, early stopping on validation, and
// keeping the newest N step-numbered checkpoints.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "framework/io/checkpoint.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

const char* kTinyCopy = R"(name: tiny-copy
seed: 3
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train: {steps: 12, batch: 4, log_every: 2, eval_every: 2, checkpoint_every: 2}
eval: {batch: 4, batches: 1}
)";

std::set<std::string> checkpoint_files(const fs::path& run) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(run / "checkpoints"))
    names.insert(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("train.keep_checkpoints keeps the newest N step-numbered checkpoints") {
  TempDir dir("keep-checkpoints");
  const fs::path run = dir.path() / "run";
  const auto trained = run_mann("train " + dir.write("tiny.yaml", kTinyCopy) + " --out " + run.string() +
                                " --set train.keep_checkpoints=2");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK(checkpoint_files(run) ==
        std::set<std::string>{"best.h5", "last.h5", "step-00000010.h5", "step-00000012.h5"});
  const auto inspected = run_mann("inspect " + (run / "checkpoints" / "step-00000010.h5").string());
  CHECK_MESSAGE(inspected.output.find("progress:     step 10,") != std::string::npos, inspected.output);
}

TEST_CASE("only the run's final checkpoint records attention maps: other saves run no forward pass") {
  TempDir dir("attention-at-end");
  const fs::path run = dir.path() / "run";
  const auto trained = run_mann("train " + dir.write("tiny.yaml", kTinyCopy) + " --out " + run.string() +
                                " --set train.keep_checkpoints=2");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  const mann::CheckpointData last = mann::read_checkpoint(run / "checkpoints" / "last.h5");
  CHECK(last.progress.step == 12);
  CHECK(last.attention.count("output") == 1);  // the LSTM's maps: input, target, output of one example
  const mann::CheckpointData step10 = mann::read_checkpoint(run / "checkpoints" / "step-00000010.h5");
  CHECK(step10.attention.empty());
  CHECK(step10.params.size() == last.params.size());
}

TEST_CASE("train.best_metric chooses the metric of best.h5, checked against the model's metrics") {
  TempDir dir("best-metric");
  const std::string config = dir.write("tiny.yaml", kTinyCopy);
  const fs::path run = dir.path() / "run";
  const auto trained = run_mann("train " + config + " --out " + run.string() +
                                " --set train.best_metric=valid_seq_accuracy --set train.best_mode=max");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK_MESSAGE(trained.output.find("; best valid_seq_accuracy ") != std::string::npos, trained.output);

  const auto typo = run_mann("train " + config + " --dry-run --set train.best_metric=valid_bit_eror");
  CHECK(typo.exit_code == 1);
  CHECK_MESSAGE(typo.output.find("did you mean `valid_bit_errors`?") != std::string::npos, typo.output);
  CHECK(typo.output.find("bit_errors, bits, seq_accuracy") != std::string::npos);
}

TEST_CASE("train.early_stop_patience stops after that many evaluations without improvement") {
  TempDir dir("early-stop");
  const fs::path run = dir.path() / "run";
  // A learning rate too small to move a float parameter never improves on the first evaluation (step 2):
  // evaluations at 4 and 6 do not.
  const auto trained =
      run_mann("train " + dir.write("tiny.yaml", kTinyCopy) + " --out " + run.string() +
               " --set train.early_stop_patience=2 --set 'train.optimizer={type: sgd, lr: 1e-30}'");
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.output);
  CHECK_MESSAGE(
      trained.output.find("early stop at step 6: 2 evaluations without improving on valid_bit_errors") !=
          std::string::npos,
      trained.output);
  CHECK(trained.output.find("finished tiny-copy at step 6") != std::string::npos);
  CHECK(run_mann("inspect " + run.string() + " --last").output.find("progress:     step 6,") !=
        std::string::npos);
}
