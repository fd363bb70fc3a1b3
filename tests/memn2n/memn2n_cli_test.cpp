// MemN2N end to end through `mann`: the CI smoke test (task 1 of bAbI 1k learned from a fixed seed in a few
// epochs), the per-task evaluation table, recorded attention, and resuming with linear start and random
// noise reproducing the uninterrupted run. Skipped with a MESSAGE when the bAbI data is not there.
#include <doctest/doctest.h>

#include <sstream>

#include "framework/io/checkpoint.h"
#include "tests/memn2n/memn2n_test_support.h"
#include "tests/tools/cli_support.h"
#include "tools/run_state.h"

using namespace mann;
using namespace mann::testing;

namespace {

const std::string kExperiments = MANN_SOURCE_DIR "/experiments/babi/";

// The value printed for metric `name` by `mann eval` ("  error            0.031").
double eval_metric(const std::string& output, const std::string& name) {
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string key;
    double value;
    if (words >> key >> value && key == name) return value;
  }
  FAIL("no metric " << name << " in:\n" << output);
  return 0;
}

std::string train_args(const std::string& config, const std::string& data, const std::string& out,
                       int steps) {
  return "train " + kExperiments + config + " --data-dir " + data + " --out " + out +
         " --set train.steps=" + std::to_string(steps);
}

}  // namespace

TEST_CASE("MemN2N smoke: bAbI task 1 (1k) under 10% test error after a few epochs" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-smoke");
  const std::string run = (dir.path() / "run").string();
  // 20 epochs of 29 steps, the paper's recipe otherwise (PE, TE, 3 hops, adjacent tying).
  const CommandResult train = run_mann(train_args("pe_3hop_1k.yaml", data, run, 580));
  REQUIRE_MESSAGE(train.exit_code == 0, train.output);
  const CommandResult eval = run_mann("eval " + run + " --split test --data-dir " + data);
  REQUIRE_MESSAGE(eval.exit_code == 0, eval.output);
  MESSAGE(eval.output);
  CHECK(eval_metric(eval.output, "error") < 0.10);
  CHECK(eval.output.find("failed tasks (error > 5%)") != std::string::npos);
  CHECK(eval_metric(eval.output, "hop1_support") > 0.0);

  // The run's final checkpoint keeps per-hop attention of a few test questions and their text.
  const CheckpointData checkpoint = read_checkpoint(dir.path() / "run" / "checkpoints" / "last.h5");
  REQUIRE(checkpoint.attention.count("example0/hop3") == 1);
  const Matrix& hop = checkpoint.attention.at("example0/hop3");
  CHECK(hop.rows() == 1);
  CHECK(hop.sum() == doctest::Approx(1.f).epsilon(1e-4));
  REQUIRE(checkpoint.extra.count("attention/example0") == 1);
  CHECK(checkpoint.extra.at("attention/example0").find("question: where is") != std::string::npos);
  CHECK(checkpoint.extra.count("vocabulary") == 1);
}

TEST_CASE(
    "MemN2N resume: linear start and random noise continue exactly where the run "
    "stopped" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-resume");
  const std::string whole = (dir.path() / "whole").string(), split = (dir.path() / "split").string();
  // 3 epochs (the LS check runs at each epoch boundary); the split run stops mid-epoch 2.
  const std::string sets = " --set model.ls_max_epochs=2 --set train.checkpoint_every=40";
  REQUIRE(run_mann(train_args("pe_ls_rn_3hop_1k.yaml", data, whole, 87) + sets).exit_code == 0);
  REQUIRE(run_mann(train_args("pe_ls_rn_3hop_1k.yaml", data, split, 40) + sets).exit_code == 0);
  const CommandResult resumed =
      run_mann("train --resume " + split + " --set train.steps=87 --data-dir " + data);
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  const CheckpointData a = read_checkpoint(dir.path() / "whole" / "checkpoints" / "last.h5");
  const CheckpointData b = read_checkpoint(dir.path() / "split" / "checkpoints" / "last.h5");
  REQUIRE(a.params.size() == b.params.size());
  for (size_t i = 0; i < a.params.size(); ++i) {
    CAPTURE(a.params[i].first);
    CHECK(a.params[i].second == b.params[i].second);
  }
  // LS was switched off by the cap after epoch 2 in both.
  CHECK(a.param("state/linear_start")->coeff(0, 0) == 0.f);
}

TEST_CASE(
    "MemN2N linear start ends after ls_patience epochs without a new validation low" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-ls-patience");
  // A learning rate too small to move any weight: every epoch's validation loss equals the first one, so
  // epoch 1 sets the low and LS ends once `patience` epochs in a row have not beaten it.
  for (const int patience : {1, 3}) {
    CAPTURE(patience);
    const std::string run = (dir.path() / ("p" + std::to_string(patience))).string();
    const CommandResult r = run_mann(train_args("pe_ls_3hop_1k.yaml", data, run, 29 * 6) +
                                     " --set model.ls_lr_factor=1e-30 --set model.ls_max_epochs=0" +
                                     " --set model.ls_patience=" + std::to_string(patience));
    REQUIRE_MESSAGE(r.exit_code == 0, r.output);
    CHECK_MESSAGE(r.output.find("linear start ends after epoch " + std::to_string(patience + 1) + ":") !=
                      std::string::npos,
                  r.output);
  }
}

TEST_CASE(
    "MemN2N ls_restart_schedule: the learning-rate schedule starts over when linear start "
    "ends" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(data);
  TempDir dir("memn2n-ls-restart");
  // LS for exactly 2 epochs, the rate halved every epoch, 4 epochs: one row per epoch in metrics.csv.
  const std::string sets =
      " --set model.ls_fixed=true --set model.ls_max_epochs=2 --set train.schedule.every=1 --set "
      "train.eval_every=29";
  std::vector<std::vector<double>> rates;
  for (const std::string restart : {"false", "true"}) {
    const std::string run = (dir.path() / restart).string();
    const CommandResult r = run_mann(train_args("pe_ls_3hop_1k.yaml", data, run, 29 * 4) + sets +
                                     " --set model.ls_restart_schedule=" + restart);
    REQUIRE_MESSAGE(r.exit_code == 0, r.output);
    rates.push_back(read_metrics_csv(dir.path() / restart / "metrics.csv").column("lr"));
  }
  // Logged at the last step of each epoch: the rate that epoch trained at.
  CHECK(rates[0] == std::vector<double>{0.01, 0.005, 0.0025, 0.00125});
  CHECK(rates[1] == std::vector<double>{0.01, 0.01, 0.01, 0.005});
}
