// bench_ntm (to become `mann bench ntm`): runs the reference recipe and closes with the throughput line
// that shared/bench/ratio.sh reads.
#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "tools/bench.h"

using namespace mann;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("bench_ntm prints throughput in sequences/s after the warm-up, and the peak memory") {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  int code = -1;
  try {
    code = bench_ntm({"--batch", "2", "--steps", "22"});
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  const std::string out = captured.str();
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
