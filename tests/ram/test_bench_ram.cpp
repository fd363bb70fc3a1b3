// `mann bench ram`: trains the reference recipe and closes with the "examples/s" throughput line, after the
// forward pass's multiply-adds per example (the cost-against-image-size script reads both).
#include <doctest/doctest.h>

#include <regex>

#include "tests/support/captured_stdout.h"
#include "tests/support/fashion_mnist_data.h"
#include "tools/bench.h"
#include "tools/cli_support.h"

using namespace mann;

TEST_SUITE_BEGIN("ram");

namespace {

// The multiply-adds a bench run printed, or -1.
double printed_multiply_adds(const std::string& out) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("multiply-adds per example \\(one forward pass\\): ([0-9]+)")))
    return -1;
  return std::stod(m[1].str());
}

}  // namespace

TEST_CASE(
    "bench ram prints multiply-adds and examples/s; RAM's arithmetic does not grow with the canvas, the "
    "conv net's does" MANN_NEEDS_FASHION_MNIST) {
  const auto bench = [](std::vector<std::string> args) {
    args.insert(args.end(), {"--batch", "4", "--steps", "22"});
    const testing::CapturedRun run = testing::capture_stdout([&] { return bench_ram(args); });
    CHECK(run.code == 0);
    const auto line = run.output.rfind("throughput ");
    REQUIRE_MESSAGE(line != std::string::npos, run.output);
    CHECK(std::stod(run.output.substr(line + 11)) > 0.0);
    CHECK(run.output.find("examples/s", line) != std::string::npos);
    return printed_multiply_adds(run.output);
  };
  const double ram28 = bench({"--size", "28"}), ram60 = bench({"--size", "60"});
  CHECK(ram28 > 0);
  CHECK(ram60 == ram28);  // glimpses of 8x8 pixels wherever they look
  const double conv28 = bench({"--model", "conv", "--size", "28"}),
               conv60 = bench({"--model", "conv", "--size", "60"});
  CHECK(conv60 > 4 * conv28);
  // Scoring a grid by column and row costs less than by cell; soft reads (mixes) every candidate.
  const double cells = bench({"--attention", "hard", "--grid", "8", "--size", "60"});
  const double axes = bench({"--attention", "hard", "--grid", "8", "--size", "60", "--grid-keys", "axes"});
  const double soft = bench({"--attention", "soft", "--grid", "8", "--size", "60", "--grid-keys", "axes"});
  CHECK(axes < cells);
  CHECK(soft > axes);
  CHECK_THROWS_AS(bench_ram({"--steps", "10"}), po::error);  // not more than the warm-up
  CHECK_THROWS_AS(bench_ram({"--attention", "sideways"}), po::error);
}

TEST_SUITE_END();
