// round_trip_text: numbers in CSV files read back to the values written (issue 18: 1,234,567 examples
// was written as 1.23457e+06).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

#include "framework/util/number_text.h"
#include "tests/support/temp_dir.h"
#include "tools/run_state.h"

using namespace mann;

TEST_SUITE_BEGIN("util");

TEST_CASE("whole numbers are written exactly, other values with enough digits to read back") {
  CHECK(round_trip_text(1234567) == "1234567");
  CHECK(round_trip_text(1e12) == "1000000000000");
  CHECK(round_trip_text(-42) == "-42");
  CHECK(round_trip_text(0) == "0");
  CHECK(round_trip_text(0.1) == "0.1");
  CHECK(round_trip_text(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(round_trip_text(-std::numeric_limits<double>::infinity()) == "-inf");
  for (double value : {1.0 / 3.0, 3.0000001e-05, 6.02214076e23, -2.5e-300, 123456.789012345678})
    CHECK(std::strtod(round_trip_text(value).c_str(), nullptr) == value);
  // A float (a learning rate, a metric computed in float) reads back to the same float.
  CHECK(round_trip_text(0.01f) == "0.01");
  for (float value : {0.7f, 1.0f / 3.0f, 3.4e38f, -1e-30f})
    CHECK(std::strtof(round_trip_text(value).c_str(), nullptr) == value);
}

TEST_CASE("metrics.csv keeps large example counts and small metrics exact") {
  mann::testing::TempDir dir("number-text");
  MetricsTable table;
  table.columns = {"step", "examples", "loss"};
  table.rows = {{100, 1234567, 0.12345678901234}};
  write_metrics_csv(dir.path() / "metrics.csv", table);
  std::ifstream in(dir.path() / "metrics.csv");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("100,1234567,0.12345678901234\n") != std::string::npos);
  CHECK(read_metrics_csv(dir.path() / "metrics.csv") == table);
}

TEST_SUITE_END();
