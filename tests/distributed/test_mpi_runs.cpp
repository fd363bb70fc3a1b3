// `mann` under `mpirun --oversubscribe -np 2` (the `mpi` suite, CTest test mann_mpi_tests; skipped where
// MPI is not built): data-parallel training matches the single process, `mann compare` over ranks writes
// the single-process table, and failed or missing runs are reported and completed by a re-run.
//
// Tolerance of the data-parallel comparison: 2 ranks compute the same global batch as 1 rank, but the
// gradient is summed in another order (each rank sums its shard, then MPI adds the two float32 sums), so
// every step differs by float32 rounding (relative ~1e-7). Adam rescales each gradient by its running RMS,
// so these differences stay of that relative size instead of vanishing. Measured: parameters 3e-6 apart
// after 20 steps (NTM), 6e-8 after 12 (MemN2N); the losses agree in all 6 digits metrics.csv keeps. The
// checks allow 1e-4 (losses relative, parameters absolute): far below any real difference (a wrong shard
// or scale changes the loss at the first step by more than 1e-2).
#include <doctest/doctest.h>

#include <signal.h>

#include <cmath>
#include <sstream>

#include "framework/io/checkpoint.h"
#include "tests/distributed/mpi_test_support.h"
#include "tests/memn2n/memn2n_test_support.h"
#include "tests/support/processes.h"
#include "tools/run_state.h"

using namespace mann;
using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 1e-4;

// The largest relative difference of the training losses and absolute difference of the final parameters.
struct Difference {
  double loss = 0, params = 0;
};

Difference compare_runs(const fs::path& a, const fs::path& b) {
  Difference d;
  const MetricsTable ma = read_metrics_csv(a / "metrics.csv");
  const MetricsTable mb = read_metrics_csv(b / "metrics.csv");
  REQUIRE(ma.rows.size() == mb.rows.size());
  REQUIRE(ma.rows.size() >= 4);
  const std::vector<double> la = ma.column("loss"), lb = mb.column("loss");
  for (size_t i = 0; i < la.size(); ++i)
    d.loss = std::max(d.loss, std::abs(la[i] - lb[i]) / std::max(1e-12, std::abs(la[i])));
  const CheckpointData ca = read_checkpoint(a / "checkpoints" / "last.h5");
  const CheckpointData cb = read_checkpoint(b / "checkpoints" / "last.h5");
  CHECK(ca.progress.step == cb.progress.step);
  REQUIRE(ca.params.size() == cb.params.size());
  for (const auto& [name, value] : ca.params) {
    const Matrix* other = cb.param(name);
    REQUIRE_MESSAGE(other != nullptr, name);
    d.params = std::max(d.params, static_cast<double>((value - *other).cwiseAbs().maxCoeff()));
  }
  return d;
}

std::vector<std::string> lines_of(const fs::path& csv, const std::vector<size_t>& drop_columns) {
  std::vector<std::string> rows;
  std::istringstream in(read_text(csv));
  for (std::string line; std::getline(in, line);) {
    std::istringstream cells(line);
    std::string kept;
    size_t column = 0;
    for (std::string cell; std::getline(cells, cell, ','); ++column)
      if (std::find(drop_columns.begin(), drop_columns.end(), column) == drop_columns.end())
        kept += cell + ",";
    rows.push_back(kept);
  }
  return rows;
}

}  // namespace

TEST_SUITE("mpi") {
  TEST_CASE("data-parallel NTM copy: 2 ranks match 1 rank, and a 2-rank checkpoint resumes on 1 rank") {
    mpirun_command();
    TempDir dir("mpi-ntm");
    const std::string train =
        "train " MANN_SOURCE_DIR
        "/experiments/ntm/copy_short.yaml --set train.steps=20 --set train.batch=8 "
        "--set train.log_every=4 --set train.eval_every=10 --set train.checkpoint_every=10 ";
    const auto single = run_mann(train + "--out " + dir.path("one"));
    REQUIRE_MESSAGE(single.exit_code == 0, single.output);
    const auto two = run_mann_mpi(2, train + "--out " + dir.path("two"));
    REQUIRE_MESSAGE(two.exit_code == 0, two.output);
    CHECK(count_occurrences(two.output, "finished ntm-copy-short") == 1);  // rank 0 alone reports
    const Difference d = compare_runs(dir / "one", dir / "two");
    MESSAGE("2 ranks vs 1: loss rel. difference " << d.loss << ", parameter difference " << d.params);
    CHECK(d.loss < kTolerance);
    CHECK(d.params < kTolerance);

    // Stopped at step 10 on 2 ranks (the step-10 checkpoint of a 20-step run), continued on 1.
    const auto half = run_mann_mpi(2, train + "--set train.steps=10 --out " + dir.path("resumed"));
    REQUIRE_MESSAGE(half.exit_code == 0, half.output);
    const auto resumed = run_mann("train --resume " + dir.path("resumed") + " --set train.steps=20");
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
    const Difference r = compare_runs(dir / "one", dir / "resumed");
    MESSAGE("2 ranks then resumed on 1 vs 1: loss " << r.loss << ", parameters " << r.params);
    CHECK(r.loss < kTolerance);
    CHECK(r.params < kTolerance);
  }

  TEST_CASE("data-parallel MemN2N (bAbI task 1): 2 ranks match 1 rank" MANN_NEEDS_BABI_DATA) {
    mpirun_command();
    MANN_BABI_DATA(data);
    TempDir dir("mpi-memn2n");
    const std::string train = "train " MANN_SOURCE_DIR "/experiments/babi/pe_3hop_1k.yaml --data-dir " +
                              data +
                              " --set train.steps=12 --set train.log_every=3 --set train.eval_every=12 ";
    const auto single = run_mann(train + "--out " + dir.path("one"));
    REQUIRE_MESSAGE(single.exit_code == 0, single.output);
    const auto two = run_mann_mpi(2, train + "--out " + dir.path("two"));
    REQUIRE_MESSAGE(two.exit_code == 0, two.output);
    const Difference d = compare_runs(dir / "one", dir / "two");
    MESSAGE("MemN2N 2 ranks vs 1: loss rel. difference " << d.loss << ", parameter difference " << d.params);
    CHECK(d.loss < kTolerance);
    CHECK(d.params < kTolerance);
  }

  TEST_CASE("data-parallel image learner (mlp on corner_square): 2 ranks match 1 rank") {
    // The MLP draws nothing at random beyond the batch, so the shards' sum is the single process's step;
    // the RAM's glimpses come from each rank's own stream and differ by design.
    mpirun_command();
    TempDir dir("mpi-image");
    const std::string train = "train " MANN_SOURCE_DIR
                              "/experiments/ram/corner.yaml --set 'model={type: mlp}' --set train.steps=12 "
                              "--set train.batch=8 --set train.log_every=3 --set train.eval_every=12 ";
    const auto single = run_mann(train + "--out " + dir.path("one"));
    REQUIRE_MESSAGE(single.exit_code == 0, single.output);
    const auto two = run_mann_mpi(2, train + "--out " + dir.path("two"));
    REQUIRE_MESSAGE(two.exit_code == 0, two.output);
    const Difference d = compare_runs(dir / "one", dir / "two");
    MESSAGE("image learner 2 ranks vs 1: loss rel. difference " << d.loss << ", parameter difference "
                                                                << d.params);
    CHECK(d.loss < kTolerance);
    CHECK(d.params < kTolerance);
  }

  TEST_CASE("mann compare over 2 ranks: the single-process table; a lost run is completed by a re-run") {
    mpirun_command();
    TempDir dir("mpi-compare");
    const std::string toy = MANN_SOURCE_DIR "/experiments/toy/";
    const std::string compare =
        "compare " + toy + "retrieval_soft.yaml " + toy +
        "retrieval_hard.yaml --seeds 2 --set train.steps=60 --set train.eval_every=30 "
        "--set train.log_every=30 --out ";
    const auto single = run_mann(compare + dir.path("one"));
    REQUIRE_MESSAGE(single.exit_code == 0, single.output);
    const auto two = run_mann_mpi(2, compare + dir.path("two"));
    REQUIRE_MESSAGE(two.exit_code == 0, two.output);
    CHECK(count_occurrences(two.output, "report: ") == 1);  // rank 0 alone writes the report
    // Everything but the paths and the wall-clock columns (seconds to solve) is the same.
    const std::vector<std::string> report_one = lines_of(dir / "one" / "report.csv", {1, 13});
    CHECK(report_one.size() == 3);
    CHECK(lines_of(dir / "two" / "report.csv", {1, 13}) == report_one);
    const std::vector<std::string> runs_one = lines_of(dir / "one" / "runs.csv", {6, 10});
    CHECK(lines_of(dir / "two" / "runs.csv", {6, 10}) == runs_one);

    // A run lost mid-sweep (its rank killed before the checkpoint at the last step): a re-run over 2 ranks
    // reuses the other three and trains only that one.
    fs::remove_all(dir / "two" / "retrieval_hard" / "seed-2");
    const auto again = run_mann_mpi(2, compare + dir.path("two"));
    REQUIRE_MESSAGE(again.exit_code == 0, again.output);
    CHECK(count_occurrences(again.output, "reusing") == 3);
    CHECK(count_occurrences(again.output, "training retrieval_hard seed 2") == 1);
    CHECK(lines_of(dir / "two" / "report.csv", {1, 13}) == report_one);
  }

  TEST_CASE("mann compare over 2 ranks: a failing run is reported with its error, the others finish") {
    mpirun_command();
    TempDir dir("mpi-compare-fail");
    const std::string toy = MANN_SOURCE_DIR "/experiments/toy/";
    const std::string broken = dir.write(
        "broken.yaml", "base: " + toy + "retrieval_hard.yaml\ntrain:\n  optimizer: {type: adam, lr: 1e30}\n");
    const auto result = run_mann_mpi(
        2, "compare " + toy + "retrieval_soft.yaml " + broken +
               " --seeds 2 --set train.steps=40 --set train.eval_every=20 --out " + dir.path("cmp"));
    CHECK(result.exit_code == 1);
    const std::vector<std::string> report = lines_of(dir / "cmp" / "report.csv", {});
    REQUIRE(report.size() == 3);
    CHECK(report[1].starts_with("retrieval_soft,"));
    CHECK(report[1].find(",error,2,0,") != std::string::npos);  // both soft runs ok
    CHECK(report[2].find(",error,0,2,") != std::string::npos);  // both broken runs failed
    const std::string md = read_text(dir / "cmp" / "report.md");
    CHECK(count_occurrences(md, "exited with code 3") == 2);  // the error of each, from whichever rank ran it
  }

  TEST_CASE(
      "mann compare over 2 ranks: a rank killed mid-sweep takes its training child with it, and a re-run "
      "completes the sweep") {
    const std::string mpirun = mpirun_command();
    TempDir dir("mpi-kill");
    const std::string toy = MANN_SOURCE_DIR "/experiments/toy/";
    const std::string out = dir.path("sweep");
    const std::string compare =
        "compare " + toy + "retrieval_soft.yaml " + toy +
        "retrieval_hard.yaml --seeds 2 --set train.steps=3000 --set train.eval_every=1000 "
        "--set train.log_every=1000 --set train.checkpoint_every=0 --out " +
        out;
    // Runs are dealt round-robin: rank 1 trains retrieval_soft seed 2, then retrieval_hard seed 2.
    run_command(mpirun + " --oversubscribe -np 2 " + MANN_BINARY + " " + compare + " > " +
                dir.path("first.log") + " 2>&1 &");
    const fs::path first_done = fs::path(out) / "retrieval_soft" / "seed-2" / "checkpoints" / "last.h5";
    REQUIRE_MESSAGE(wait_for([&] { return fs::exists(first_done); }, 120), read_text(dir.path("first.log")));
    const std::vector<pid_t> rank1 = processes_with(out, "OMPI_COMM_WORLD_RANK=1");
    REQUIRE(rank1.size() == 1);
    kill(rank1.front(), SIGKILL);

    // mpirun ends the job; no `mann train` of this sweep may live on.
    CHECK(wait_for([&] { return processes_with(out).empty(); }, 60));
    CHECK(fs::exists(first_done));

    const auto again = run_mann_mpi(2, compare);
    REQUIRE_MESSAGE(again.exit_code == 0, again.output);
    CHECK(again.output.find("reusing retrieval_soft seed 2") != std::string::npos);
    const std::vector<std::string> report = lines_of(fs::path(out) / "report.csv", {});
    REQUIRE(report.size() == 3);
    CHECK(report[1].find(",error,2,0,") != std::string::npos);
    CHECK(report[2].find(",error,2,0,") != std::string::npos);
  }
}
