#include <doctest/doctest.h>

#include <vector>

#include "framework/io/plot/label_text.h"
#include "framework/io/plot/ticks.h"

namespace mann::plot {
namespace {

TEST_CASE("nice ticks are round multiples inside the range") {
  const std::vector<double> unit = nice_ticks(0, 1, 5);
  REQUIRE(unit.size() == 6);
  for (int i = 0; i < 6; ++i) CHECK(unit[i] == doctest::Approx(0.2 * i));
  CHECK(nice_ticks(0, 100, 4) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(-3, 7, 5) == std::vector<double>{-2, 0, 2, 4, 6});
  CHECK(nice_ticks(0.013, 0.052, 4) == std::vector<double>{0.02, 0.03, 0.04, 0.05});
  CHECK(nice_ticks(5, 5) == std::vector<double>{5});
  CHECK(nice_ticks(1, 0).empty());
  CHECK(nice_step(1000, 5) == 200);
  CHECK(nice_step(0.7, 5) == doctest::Approx(0.1));
}

TEST_CASE("log ticks: decades, or 1-2-5 multiples within one decade") {
  CHECK(log_ticks(1e-3, 10) == std::vector<double>{1e-3, 1e-2, 1e-1, 1, 10});
  CHECK(log_ticks(0.3, 4) == std::vector<double>{0.5, 1, 2});
  CHECK(log_ticks(0.015, 1.1) == std::vector<double>{0.02, 0.05, 0.1, 0.2, 0.5, 1});
  CHECK(log_ticks(1e-12, 1e12).size() <= 9);
  CHECK(log_ticks(0, 10).empty());
  CHECK(log_ticks(1.1, 1.3).size() >= 2);  // linear fallback
}

TEST_CASE("tick labels: just the needed decimals, no -0, exponents for extremes") {
  CHECK(format_tick(0.2, 0.2) == "0.2");
  CHECK(format_tick(0.25, 0.05) == "0.25");
  CHECK(format_tick(100, 20) == "100");
  CHECK(format_tick(-1e-17, 0.1) == "0");
  CHECK(format_tick(-2, 1) == "-2");
  CHECK(format_tick(3e6, 1e6) == "3e6");
  CHECK(format_tick(2e-5, 1e-5) == "2e-5");
  CHECK(format_number(0.001) == "0.001");
  CHECK(format_number(1e-5) == "1e-5");
  CHECK(format_number(123456) == "1.23e5");
  CHECK(format_number(-0.0) == "0");
}

TEST_CASE("labels are truncated by code points with ..") {
  CHECK(truncate_label("short", 10) == "short");
  CHECK(truncate_label("abcdefghij", 6) == "abcd..");
  CHECK(truncate_label("line\nbreak", 20) == "line break");
  CHECK(truncate_label("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9..");  // never splits UTF-8
  CHECK(fit_label("abcdefghij", 6 * 2 * 4 - 2, 2) == "ab..");
  CHECK(fit_label("abc", 1000, 2) == "abc");
}

}  // namespace
}  // namespace mann::plot
