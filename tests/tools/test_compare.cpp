// End-to-end: `mann compare` trains two tiny experiments over two seeds two at a time, writes the report
// and the curves, and on a second call reuses the finished runs instead of training them again.
#include <doctest/doctest.h>
#include <signal.h>

#include <map>
#include <sstream>
#include <vector>

#include "framework/io/checkpoint.h"
#include "tests/support/processes.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::vector<std::string>> csv_rows(const fs::path& csv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(csv));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST_CASE("mann compare: two experiments x two seeds, report and curves, then reuse") {
  TempDir dir("compare");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  const fs::path out = dir.path() / "cmp";
  const std::string command = "compare " + toy + "retrieval_soft.yaml " + toy +
                              "retrieval_hard.yaml --seeds 2 --jobs 2 --out " + out.string() +
                              " --set train.steps=100 --set train.eval_every=50 --set train.log_every=25";
  const auto first = run_mann(command);
  REQUIRE_MESSAGE(first.exit_code == 0, first.output);
  CHECK(count_occurrences(first.output, "reusing") == 0);
  CHECK(count_occurrences(first.output, "finished ") == 4);
  for (const char* file : {"report.md", "report.csv", "runs.csv", "curves.svg", "curves.png"})
    CHECK_MESSAGE(fs::exists(out / file), file);

  const auto report = csv_rows(out / "report.csv");
  REQUIRE(report.size() == 3);  // header + one row per experiment
  CHECK(report[0][0] == "experiment");
  CHECK(report[1][0] == "retrieval_soft");
  CHECK(report[2][0] == "retrieval_hard");
  for (size_t r = 1; r < 3; ++r) {
    CHECK(report[r][3] == "error");  // the primary metric
    CHECK(report[r][4] == "2");      // runs ok
    CHECK(report[r][5] == "0");      // runs failed
  }
  CHECK(report[2][14] != "");  // hard attention reports its REINFORCE gradient variance
  CHECK(csv_rows(out / "runs.csv").size() == 5);
  const std::string md = read_text(out / "report.md");
  CHECK(md.find("| retrieval_soft | error | 2 | 0 |") != std::string::npos);
  CHECK(md.find("| retrieval_hard | error | 2 | 0 |") != std::string::npos);
  // Selection is by validation, with test beside it: one experiment is marked, by its best valid error.
  REQUIRE(report[0].size() == 19);
  CHECK(report[0][15] == "valid_best_mean");
  CHECK(report[0][18] == "selected_by_validation");
  CHECK(report[1][15] != "");
  CHECK(report[1][17] != "");  // valid_final_mean
  const size_t chosen = std::stod(report[1][15]) <= std::stod(report[2][15]) ? 1 : 2;
  CHECK(report[chosen][18] == "1");
  CHECK(report[3 - chosen][18] == "0");
  CHECK(md.find("Selected by validation: " + report[chosen][0]) != std::string::npos);
  CHECK(first.output.find("Selected by validation: " + report[chosen][0]) != std::string::npos);  // printed

  std::map<fs::path, fs::file_time_type> stamps;
  for (const char* exp : {"retrieval_soft", "retrieval_hard"})
    for (const char* seed : {"seed-1", "seed-2"}) {
      const fs::path run = out / exp / seed;
      CHECK(fs::exists(run / "train.log"));
      REQUIRE(fs::exists(run / "checkpoints" / "last.h5"));
      stamps[run / "checkpoints" / "last.h5"] = fs::last_write_time(run / "checkpoints" / "last.h5");
    }

  const auto second = run_mann(command);
  REQUIRE_MESSAGE(second.exit_code == 0, second.output);
  CHECK(count_occurrences(second.output, "reusing") == 4);
  CHECK(count_occurrences(second.output, "training ") == 0);
  for (const auto& [path, stamp] : stamps) CHECK(fs::last_write_time(path) == stamp);
  CHECK(csv_rows(out / "report.csv") == report);  // the same runs give the same report
}

TEST_CASE(
    "mann compare: a run is reused only for its own config; a longer length resumes, a shorter one "
    "leaves the run alone") {
  TempDir dir("compare-config");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  const fs::path out = dir.path() / "cmp";
  const fs::path seed1 = out / "retrieval_soft" / "seed-1";
  const auto compare = [&](const std::string& sets) {
    return run_mann("compare " + toy + "retrieval_soft.yaml --seeds 1 --out " + out.string() +
                    " --set train.eval_every=20 --set train.log_every=20 --set train.checkpoint_every=20 " +
                    sets);
  };
  const auto step_of = [](const fs::path& run) {
    return mann::read_checkpoint(run / "checkpoints" / "last.h5").progress.step;
  };
  const auto first = compare("--set train.steps=40");
  REQUIRE_MESSAGE(first.exit_code == 0, first.output);
  REQUIRE(step_of(seed1) == 40);
  const auto stamp = fs::last_write_time(seed1 / "checkpoints" / "last.h5");

  // Another learning rate is another run: the first stays as it is, the new one gets its own directory.
  const auto other_lr = compare("--set train.steps=40 --set train.optimizer.lr=0.0001");
  REQUIRE_MESSAGE(other_lr.exit_code == 0, other_lr.output);
  CHECK(count_occurrences(other_lr.output, "reusing") == 0);
  CHECK_MESSAGE(other_lr.output.find("train.optimizer.lr: 0.01 there, 0.0001 here") != std::string::npos,
                other_lr.output);
  CHECK(fs::last_write_time(seed1 / "checkpoints" / "last.h5") == stamp);
  CHECK(read_text(out / "report.md").find(seed1.string() + "-") != std::string::npos);
  // ... and is reused itself next time.
  const auto other_again = compare("--set train.steps=40 --set train.optimizer.lr=0.0001");
  CHECK(count_occurrences(other_again.output, "reusing retrieval_soft seed 1") == 1);

  // Longer: the run continues from its checkpoint instead of starting over.
  const auto longer = compare("--set train.steps=60");
  REQUIRE_MESSAGE(longer.exit_code == 0, longer.output);
  CHECK_MESSAGE(longer.output.find("from step 40 (resuming " + seed1.string()) != std::string::npos,
                longer.output);
  CHECK(step_of(seed1) == 60);
  CHECK(read_text(seed1 / "train.log").find("resuming") != std::string::npos);

  // Shorter: the longer run is kept, and the shorter one trains beside it.
  const auto shorter = compare("--set train.steps=20");
  REQUIRE_MESSAGE(shorter.exit_code == 0, shorter.output);
  CHECK_MESSAGE(shorter.output.find("longer run (step 60, 20 asked for)") != std::string::npos,
                shorter.output);
  CHECK(step_of(seed1) == 60);
}

TEST_CASE("mann compare: a cosine annealed over the whole run is not resumed into a longer one") {
  TempDir dir("compare-cosine");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  const fs::path out = dir.path() / "cmp";
  const fs::path seed1 = out / "retrieval_soft" / "seed-1";
  const auto compare = [&](int steps) {
    return run_mann("compare " + toy + "retrieval_soft.yaml --seeds 1 --out " + out.string() +
                    " --set train.eval_every=20 --set train.log_every=20 --set train.checkpoint_every=20" +
                    " --set \"train.schedule={type: cosine}\" --set train.steps=" + std::to_string(steps));
  };
  const auto first = compare(40);
  REQUIRE_MESSAGE(first.exit_code == 0, first.output);
  const auto stamp = fs::last_write_time(seed1 / "checkpoints" / "last.h5");
  // Its rate at step 40 onwards was annealed for 40 steps, not 60: the longer run starts over beside it.
  const auto longer = compare(60);
  REQUIRE_MESSAGE(longer.exit_code == 0, longer.output);
  CHECK_MESSAGE(longer.output.find("train.steps: 40 there, 60 here") != std::string::npos, longer.output);
  CHECK(longer.output.find("resuming") == std::string::npos);
  CHECK(fs::last_write_time(seed1 / "checkpoints" / "last.h5") == stamp);
  // The same length is still reused.
  CHECK(count_occurrences(compare(40).output, "reusing retrieval_soft seed 1") == 1);
}

TEST_CASE("mann compare: a failed run is reported with its exit code and log, the others finish") {
  TempDir dir("compare-fail");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  // The learning rate makes the hard run diverge (exit code 3) while soft still trains.
  const std::string broken = dir.write(
      "broken.yaml", "base: " + toy + "retrieval_hard.yaml\ntrain:\n  optimizer: {type: adam, lr: 1e30}\n");
  const fs::path out = dir.path() / "cmp";
  const auto result =
      run_mann("compare " + toy + "retrieval_soft.yaml " + broken + " --seeds 1 --jobs 2 --out " +
               out.string() + " --set train.steps=50 --set train.eval_every=25");
  CHECK(result.exit_code == 1);
  const auto report = csv_rows(out / "report.csv");
  REQUIRE(report.size() == 3);
  CHECK(report[1][4] == "1");  // soft: finished
  CHECK(report[2][5] == "1");  // broken: failed
  const std::string md = read_text(out / "report.md");
  CHECK(md.find("## Failed runs") != std::string::npos);
  CHECK(md.find("exited with code") != std::string::npos);
}

TEST_CASE(
    "mann compare killed mid-sweep: its training child dies with it, and a re-run completes the sweep") {
  TempDir dir("compare-kill");
  const std::string toy = std::string(MANN_SOURCE_DIR) + "/experiments/toy/";
  const std::string out = dir.path("sweep");
  const std::string compare = "compare " + toy + "retrieval_soft.yaml --seeds 2 --set train.steps=60000 " +
                              "--set train.eval_every=20000 --set train.checkpoint_every=0 --out " + out;
  run_command(std::string(MANN_BINARY) + " " + compare + " > " + dir.path("first.log") + " 2>&1 &");
  const std::filesystem::path first_done =
      std::filesystem::path(out) / "retrieval_soft/seed-1/checkpoints/last.h5";
  REQUIRE_MESSAGE(wait_for([&] { return std::filesystem::exists(first_done); }, 120),
                  read_text(dir.path("first.log")));
  // Seed 2 trains: its child has exec'd `mann train` (between fork and exec a child still shows the
  // parent's command line, so the parent is looked for only after this).
  REQUIRE(wait_for([&] { return !processes_with(out + "/retrieval_soft/seed-2").empty(); }, 60));
  // The compare process itself (its command line names the experiment file; the child's names `train`).
  std::vector<pid_t> parent;
  for (pid_t pid : processes_with(out))
    if (proc_text("/proc/" + std::to_string(pid), "cmdline").find(" compare ") != std::string::npos)
      parent.push_back(pid);
  REQUIRE(parent.size() == 1);
  kill(parent.front(), SIGKILL);
  // SIGTERM reaches the child at once; an orphan would train on for seconds.
  CHECK(wait_for([&] { return processes_with(out).empty(); }, 1.5));

  const auto again = run_mann(compare);
  REQUIRE_MESSAGE(again.exit_code == 0, again.output);
  CHECK(count_occurrences(again.output, "reusing retrieval_soft seed 1") == 1);
  CHECK(count_occurrences(again.output, "training retrieval_soft seed 2") == 1);
}
