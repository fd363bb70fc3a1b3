// `mann curves`: learning curves drawn from runs' metrics.csv, and the errors it gives for a wrong column
// or a missing run.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/attention/attention_test_support.h"
#include "tests/tools/cli_support.h"

using namespace mann::testing;

namespace {

// Two runs as the trainer writes them: training rows leave the validation cells empty.
void write_run(const TempDir& dir, const std::string& name, double last_valid) {
  std::filesystem::create_directories(dir.path() / name);
  std::ofstream(dir.path() / name / "metrics.csv") << "step,epoch,examples,loss,valid_bit_errors\n"
                                                      "1,0,16,3.5,\n"
                                                      "2,0,32,3.1,4.25\n"
                                                      "3,0,48,2.7,\n"
                                                      "4,0,64,2.2," +
                                                          std::to_string(last_valid) + "\n";
}

}  // namespace

TEST_CASE("mann curves draws the first validation column of each run, one line per run") {
  TempDir dir("curves");
  write_run(dir, "seed-1", 1.5);
  write_run(dir, "seed-2", 0.75);
  const CommandResult r = run_mann("curves " + dir.path("seed-1") + " " + dir.path("seed-2") +
                                   "/metrics.csv --out " + dir.path("c.svg"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("seed-1: 2 points of valid_bit_errors, last 1.5") != std::string::npos);
  CHECK(r.output.find("seed-2: 2 points of valid_bit_errors, last 0.75") != std::string::npos);
  const std::string svg = read_text(dir.path() / "c.svg");
  CHECK(is_svg(dir.path() / "c.svg"));
  CHECK(svg.find("seed-2") != std::string::npos);
  CHECK(svg.find("valid_bit_errors") != std::string::npos);

  // Training loss by step on a log axis, as PNG.
  const CommandResult loss = run_mann("curves " + dir.path("seed-1") +
                                      " --metric loss --x step --log-y --out " + dir.path("loss.png"));
  REQUIRE_MESSAGE(loss.exit_code == 0, loss.output);
  CHECK(loss.output.find("4 points of loss, last 2.2") != std::string::npos);
  CHECK(is_png(dir.path() / "loss.png"));
}

TEST_CASE("mann curves names the columns a run has when asked for another, and a missing run") {
  TempDir dir("curves-errors");
  write_run(dir, "run", 1.0);
  const CommandResult wrong =
      run_mann("curves " + dir.path("run") + " --metric valid_error --out " + dir.path("c.svg"));
  CHECK(wrong.exit_code != 0);
  CHECK(wrong.output.find(
            "has no column `valid_error` (it has step, epoch, examples, loss, valid_bit_errors)") !=
        std::string::npos);
  const CommandResult missing = run_mann("curves " + dir.path("nothing") + " --out " + dir.path("c.svg"));
  CHECK(missing.exit_code != 0);
  CHECK(missing.output.find("does not exist") != std::string::npos);
}
