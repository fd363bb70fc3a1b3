// The preview picture of an image dataset (datasets/image/image_preview.h) and the image grid under it.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "datasets/image/image_preview.h"
#include "framework/autodiff/errors.h"
#include "framework/io/plot/image_grid.h"
#include "tests/support/synthetic_images.h"
#include "tests/support/temp_dir.h"

TEST_CASE("fashion_mnist preview: a preview grid is written as PNG and SVG") {
  const mann::testing::TempDir dir("fmnist-preview");
  const mann::ImageClassificationData data(mann::testing::synthetic_splits(),
                                           mann::canvas_variant_preset("cluttered60"), 0);
  mann::ImagePreviewOptions options;
  options.count = 6;
  mann::write_image_preview(data, "synthetic cluttered60", options, dir.path("grid.png"));
  std::ifstream png(dir.path("grid.png"), std::ios::binary);
  char signature[4] = {};
  png.read(signature, 4);
  CHECK(std::string(signature + 1, 3) == "PNG");

  mann::write_image_preview(data, "synthetic cluttered60", options, dir.path("grid.svg"));
  std::ifstream svg_file(dir.path("grid.svg"));
  const std::string svg((std::istreambuf_iterator<char>(svg_file)), std::istreambuf_iterator<char>());
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find(">c4<") != std::string::npos);                     // the class name of train item 4
  CHECK(svg.find(">synthetic cluttered60:") != std::string::npos);  // the title

  options.count = 0;
  CHECK_THROWS_AS(mann::write_image_preview(data, "x", options, dir.path("grid.png")), mann::UserError);
  mann::plot::ImageGridSpec bad;
  bad.images = mann::Matrix::Zero(2, 10);
  bad.height = bad.width = 3;
  CHECK_THROWS_AS(mann::plot::draw_image_grid(bad, dir.path("bad.png")), mann::UserError);
}
