#include <doctest/doctest.h>

#include <span>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/font.h"
#include "framework/io/plot/image.h"
#include "framework/io/plot/png.h"
#include "tests/plot/plot_test_util.h"

namespace mann::plot {
namespace {

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

TEST_CASE("PNG file: signature, chunks with valid CRCs, deflated pixels") {
  testing::TempDir dir;
  Image image(3, 2);
  image.set(0, 0, {255, 0, 0});
  image.set(2, 1, {1, 2, 3});
  const auto path = dir.path("tiny.png");
  write_png(path, image);
  const testing::DecodedPng png = testing::decode_png(path);
  CHECK(png.width == 3);
  CHECK(png.height == 2);
  REQUIRE(png.chunks.size() == 3);
  CHECK(png.chunks[1].type == "IDAT");
  CHECK(png.pixel(0, 0) == Color{255, 0, 0});
  CHECK(png.pixel(1, 0) == kWhite);
  CHECK(png.pixel(2, 1) == Color{1, 2, 3});
  // No temporary left behind.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.dir())) ++files;
  CHECK(files == 1);
}

TEST_CASE("PNG of a larger image round-trips and compresses its flat areas") {
  Image image(300, 200);  // 180,200 bytes of scanlines
  image.fill_rect(10, 20, 30, 40, {0, 128, 255});
  const testing::DecodedPng png = testing::decode_png(encode_png(image));
  CHECK(png.width == 300);
  CHECK(png.height == 200);
  CHECK(png.pixel(10, 20) == Color{0, 128, 255});
  CHECK(png.pixel(39, 59) == Color{0, 128, 255});
  CHECK(png.pixel(40, 59) == kWhite);
  CHECK(png.rgb == image.rgb());
  CHECK(encode_png(image).size() < 10000u);
  CHECK(png.chunks.back().data.empty());
}

TEST_CASE("write_png refuses an unwritable path with a UserError and keeps nothing") {
  testing::TempDir dir;
  CHECK_THROWS_AS(write_png(dir.path("missing_dir/x.png"), Image(2, 2)), UserError);
}

TEST_CASE("Image primitives clip and blend") {
  Image image(10, 10);
  image.fill_rect(-5, -5, 8, 8, kBlack);  // sticks out of the top-left corner
  CHECK(image.at(0, 0) == kBlack);
  CHECK(image.at(2, 2) == kBlack);
  CHECK(image.at(3, 3) == kWhite);
  image.line(0, 9, 9, 9, {255, 0, 0});
  for (int x = 0; x < 10; ++x) CHECK(image.at(x, 9) == Color{255, 0, 0});
  image.line(5, 0, 5, 6, {0, 255, 0}, 3);
  CHECK(image.at(4, 3) == Color{0, 255, 0});
  CHECK(image.at(6, 3) == Color{0, 255, 0});
  CHECK(image.at(7, 3) == kWhite);
  image.blend(8, 1, kBlack, 0.5f);
  CHECK(image.at(8, 1) == Color{128, 128, 128});
  CHECK_THROWS_AS(Image(0, 5), UserError);
}

TEST_CASE("polygon fill covers pixel centres inside only") {
  Image image(10, 10);
  image.fill_polygon({{2, 2}, {8, 2}, {8, 6}, {2, 6}}, kBlack, 1.0f);
  CHECK(image.at(2, 2) == kBlack);
  CHECK(image.at(7, 5) == kBlack);
  CHECK(image.at(8, 5) == kWhite);
  CHECK(image.at(7, 6) == kWhite);
  CHECK(image.at(1, 2) == kWhite);
}

TEST_CASE("bitmap font: widths and drawn text") {
  CHECK(text_width("") == 0);
  CHECK(text_width("A") == 5);
  CHECK(text_width("AB", 2) == 22);
  CHECK(text_width("h\xC3\xA9") == text_width("he"));  // one glyph per code point
  Image image(20, 10);
  image.text(1, 1, "I", kBlack, 1);  // 'I' row 0 is .###.
  CHECK(image.at(1, 1) == kWhite);
  CHECK(image.at(2, 1) == kBlack);
  CHECK(image.at(3, 2) == kBlack);  // the stem
  Image vertical(10, 20);
  vertical.text_vertical(1, 10, "-", kBlack, 1);  // '-' is row 3, columns 0..4: a vertical bar at x=4
  CHECK(vertical.at(4, 9) == kBlack);
  CHECK(vertical.at(4, 5) == kBlack);
  CHECK(vertical.at(4, 4) == kWhite);
  CHECK(vertical.at(3, 7) == kWhite);
  // Every printable glyph is distinct, so no character was left blank by mistake.
  for (char a = 33; a < 127; ++a) {
    for (char b = static_cast<char>(a + 1); b < 127; ++b)
      CHECK_MESSAGE(glyph(a) != glyph(b), a << " vs " << b);
  }
}

}  // namespace
}  // namespace mann::plot
