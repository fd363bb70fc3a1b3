// `mann runs DIR`: one line per run directory below DIR, with its settings, step, best validation metric
// and the test metric `mann eval` recorded.
#include <doctest/doctest.h>

#include <filesystem>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tools/cli_support.h"

using namespace mann::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("tools");

namespace {

// The whitespace-separated words of the line of `text` that starts with `start`.
std::vector<std::string> words_of_line(const std::string& text, const std::string& start) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(start)) continue;
    std::istringstream words(line);
    return {std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
  }
  return {};
}

}  // namespace

TEST_CASE("mann runs lists the runs below a directory, with the test metric eval recorded") {
  TempDir dir("runs-command");
  const std::string config = dir.write("tiny.yaml", R"(name: tiny-copy
dataset: {type: copy, bits: 4, min_length: 1, max_length: 3}
model: {type: lstm, hidden: 8}
train: {steps: 4, batch: 4, log_every: 2, eval_every: 2, checkpoint_every: 2}
eval: {batch: 4, batches: 1}
)");
  const fs::path out = dir.path() / "cmp";
  for (const char* seed : {"1", "2"})
    REQUIRE(run_mann("train " + config + " --set seed=" + seed + " --out " +
                     (out / "tiny" / ("seed-" + std::string(seed))).string())
                .exit_code == 0);
  REQUIRE(run_mann("eval " + (out / "tiny" / "seed-2").string()).exit_code == 0);
  CHECK(fs::exists(out / "tiny" / "seed-2" / "eval_test.json"));

  const auto listed = run_mann("runs " + out.string());
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.output);
  CHECK(listed.output.starts_with("run "));
  CHECK(listed.output.find("best validation") != std::string::npos);
  const std::vector<std::string> seed1 = words_of_line(listed.output, "tiny/seed-1 ");
  const std::vector<std::string> seed2 = words_of_line(listed.output, "tiny/seed-2 ");
  // run, name, model, dataset, seed, step, metric value (step S), and "-" or the test metric:
  // name value (best.h5, step S)
  REQUIRE_MESSAGE(seed1.size() == 11, listed.output);
  REQUIRE_MESSAGE(seed2.size() == 15, listed.output);
  CHECK(std::vector<std::string>(seed1.begin(), seed1.begin() + 7) ==
        std::vector<std::string>{"tiny/seed-1", "tiny-copy", "lstm", "copy", "1", "4", "valid_bit_errors"});
  CHECK(seed1.back() == "-");  // not evaluated: no test metric
  CHECK(seed2[4] == "2");
  CHECK(seed2[10] == "bit_errors");
  CHECK(seed2[12] == "(best.h5,");
}
