#include <doctest/doctest.h>

#include <cmath>

#include "framework/io/plot/colormap.h"

namespace mann::plot {
namespace {

TEST_CASE("viridis: luminance rises monotonically across [0, 1]") {
  const Colormap& map = Colormap::viridis();
  float previous = luminance(map.at(0));
  for (int i = 1; i <= 1000; ++i) {
    const float current = luminance(map.at(static_cast<float>(i) / 1000));
    CHECK(current >= previous - 0.5f);  // 8-bit rounding may wobble by less than one level
    previous = current;
  }
  CHECK(luminance(map.at(1)) - luminance(map.at(0)) > 150);  // a real dark-to-bright ramp
}

TEST_CASE("colormap clamps outside [0, 1]; value mapping clamps outside its range") {
  const Colormap& map = Colormap::viridis();
  CHECK(map.at(-3) == map.at(0));
  CHECK(map.at(7) == map.at(1));
  CHECK(map.at(NAN) == map.at(0));
  const ValueColors colors(-1, 1);
  CHECK(colors(-1) == map.at(0));
  CHECK(colors(1) == map.at(1));
  CHECK(colors(-50) == map.at(0));
  CHECK(colors(50) == map.at(1));
  CHECK(colors(0) == map.at(0.5f));
  CHECK(colors.normalized(0.5f) == doctest::Approx(0.75));
  CHECK(colors(NAN) == ValueColors::kMissing);
  CHECK(colors(INFINITY) == ValueColors::kMissing);
  CHECK_THROWS(ValueColors(1, 1));
  CHECK_THROWS(Colormap({kBlack}));
}

TEST_CASE("custom colormap interpolates linearly between its anchors") {
  const Colormap grey({kBlack, kWhite});
  CHECK(grey.at(0.5f) == Color{128, 128, 128});
  const Colormap three({{0, 0, 0}, {100, 0, 0}, {100, 200, 0}});
  CHECK(three.at(0.25f) == Color{50, 0, 0});
  CHECK(three.at(0.75f) == Color{100, 100, 0});
}

}  // namespace
}  // namespace mann::plot
