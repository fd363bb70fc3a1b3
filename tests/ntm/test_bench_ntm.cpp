// bench_ntm (to become `mann bench ntm`): runs the reference recipe and closes with the throughput line
// that shared/bench/ratio.sh reads.
#include <doctest/doctest.h>

#include "tests/support/captured_stdout.h"
#include "tools/bench.h"

using namespace mann;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("bench_ntm prints throughput in sequences/s after the warm-up, and the peak memory") {
  const testing::CapturedRun run = testing::capture_stdout([] {
    return bench_ntm({"--batch", "2", "--steps", "22"});
  });
  const int code = run.code;
  const std::string& out = run.output;
  CHECK(code == 0);
  CHECK_MESSAGE(out.find("62280 parameters") != std::string::npos, out);  // the reference's architecture
  const auto line = out.rfind("throughput ");
  REQUIRE_MESSAGE(line != std::string::npos, out);
  CHECK(std::stod(out.substr(line + 11)) > 0.0);
  CHECK(out.find("sequences/s", line) != std::string::npos);
  CHECK(out.find("peak memory", line) != std::string::npos);
  CHECK_THROWS(bench_ntm({"--steps", "10"}));  // not more than the warm-up
}

TEST_SUITE_END();
