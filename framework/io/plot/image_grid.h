#pragma once
// A grid of greyscale images with a caption under each, written as SVG or PNG: samples of a dataset,
// inputs of a model, glimpses. Images come in the layout of the image ops: one image per matrix row,
// row-major (index y * width + x), values in [0, 1] drawn from black (0) to white (1).
#include <filesystem>
#include <string>
#include <vector>

#include "framework/autodiff/matrix.h"
#include "framework/io/plot/color.h"

namespace mann::plot {

// A rectangle outlined on one image of the grid, in that image's pixel coordinates (x right, y down; the
// pixel (x, y) covers [x, x + 1) x [y, y + 1)), e.g. where a glimpse looked.
struct ImageMark {
  int image = 0;  // row of ImageGridSpec::images
  float x = 0, y = 0, w = 0, h = 0;
  Color color{228, 26, 28};
  std::string
      label;  // drawn on a plate of the mark's colour just inside its top-left corner, e.g. a glimpse's step
};

struct ImageGridSpec {
  Matrix images;                      // one image per row, height * width columns
  int height = 0, width = 0;          // of each image
  std::vector<std::string> captions;  // empty, or one per image (shortened to fit under it)
  int caption_lines = 1;              // >1: captions wrap onto up to this many lines ('\n' starts a line)
  int caption_width = 0;              // least width of a cell in screen pixels, so long captions fit
  std::string title;                  // above the grid; may be empty
  int columns = 0;                    // images per grid row; 0: about as many columns as rows
  int scale = 0;                      // screen pixels per image pixel; 0: images about 120 px wide
  std::vector<ImageMark> marks;       // outlines drawn over the images
};

// Writes the grid (.svg or .png by the extension). UserError for an invalid spec: no images, more than 1024,
// a column count that is not height * width, captions not one per image, a mark on no image, caption_lines
// outside 1..64.
void draw_image_grid(const ImageGridSpec& spec, const std::filesystem::path& out);

}  // namespace mann::plot
