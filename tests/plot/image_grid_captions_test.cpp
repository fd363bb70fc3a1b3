// Multi-line captions of image grids (framework/io/plot/image_grid.h): each '\n'-separated part starts a
// line, long parts wrap to the cell's width, and the line budget is kept.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/image_grid.h"
#include "tests/support/temp_dir.h"

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("image grid: captions of several lines wrap and keep to their line budget") {
  const mann::testing::TempDir dir("grid-captions");
  mann::plot::ImageGridSpec spec;
  spec.images = mann::Matrix::Constant(2, 16, 0.5f);
  spec.height = spec.width = 4;
  spec.caption_width = 200;  // about 16 characters a line
  spec.caption_lines = 4;
  spec.captions = {"first part\nsecond part that is long enough to wrap onto another line", "short"};
  mann::plot::draw_image_grid(spec, dir.path("grid.svg"));
  const std::string svg = read_text(dir.path("grid.svg"));
  CHECK(svg.find(">first part<") != std::string::npos);  // a part of its own line
  CHECK(svg.find(">second part") != std::string::npos);
  CHECK(svg.find("another line<") == std::string::npos);  // cut: four lines are not enough for all of it
  CHECK(svg.find(">short<") != std::string::npos);

  spec.caption_lines = 0;
  CHECK_THROWS_AS(mann::plot::draw_image_grid(spec, dir.path("bad.svg")), mann::UserError);
}

TEST_CASE("image grid: a mark's label is drawn at its corner, in its colour; unlabelled marks draw no text") {
  const mann::testing::TempDir dir("grid-marks");
  mann::plot::ImageGridSpec spec;
  spec.images = mann::Matrix::Constant(1, 64, 0.5f);
  spec.height = spec.width = 8;
  spec.scale = 10;
  spec.marks = {{0, 2, 2, 4, 4, mann::plot::Color{255, 0, 0}, "7"},
                {0, 1, 1, 6, 6, mann::plot::Color{0, 0, 255}, ""}};
  mann::plot::draw_image_grid(spec, dir.path("grid.svg"));
  const std::string svg = read_text(dir.path("grid.svg"));
  CHECK(svg.find(">7<") != std::string::npos);
  CHECK(svg.find("mark-label") != std::string::npos);
  std::size_t plates = 0;
  for (std::size_t at = svg.find("mark-label"); at != std::string::npos; at = svg.find("mark-label", at + 1))
    ++plates;
  CHECK(plates == 1);
  mann::plot::draw_image_grid(spec, dir.path("grid.png"));  // the bitmap font draws it too
  CHECK(std::filesystem::file_size(dir.path("grid.png")) > 0);
}
