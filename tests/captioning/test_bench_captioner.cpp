// `mann bench captioner`: trains the grid2x2 recipe and closes with the "captions/s" throughput line.
#include <doctest/doctest.h>

#include "framework/autodiff/errors.h"
#include "tests/support/captured_stdout.h"
#include "tests/support/fashion_mnist_data.h"
#include "tools/bench.h"
#include "tools/cli_support.h"

using namespace mann;

TEST_SUITE_BEGIN("captioning");

TEST_CASE(
    "bench captioner prints captions/s after the warm-up, for soft and hard "
    "attention" MANN_NEEDS_FASHION_MNIST) {
  for (const char* attention : {"soft", "hard"}) {
    CAPTURE(attention);
    const testing::CapturedRun run = testing::capture_stdout([&] {
      return bench_captioner({"--attention", attention, "--batch", "4", "--steps", "22"});
    });
    const int code = run.code;
    const std::string& out = run.output;
    CHECK(code == 0);
    const auto line = out.rfind("throughput ");
    REQUIRE_MESSAGE(line != std::string::npos, out);
    CHECK(std::stod(out.substr(line + 11)) > 0.0);
    CHECK(out.find("captions/s", line) != std::string::npos);
  }
  CHECK_THROWS_AS(bench_captioner({"--steps", "10"}), po::error);  // not more than the warm-up
  CHECK_THROWS_AS(bench_captioner({"--attention", "sideways"}), po::error);
  CHECK_THROWS_AS(bench_captioner({"--scenes", "grid3x3"}), po::error);
}

TEST_SUITE_END();
