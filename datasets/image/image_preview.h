#pragma once
// A picture of a dataset's examples as a model sees them: a grid of canvases with their class names (PNG or
// SVG), for checking a variant by eye (`mann data preview fashion_mnist --variant cluttered60`).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "datasets/image/image_classification_data.h"

namespace mann {

struct ImagePreviewOptions {
  std::string split = "train";  // train, valid or test
  int count = 16;               // examples shown, 1..1024
  std::int64_t first = 0;       // index of the first; the others follow it
  int columns = 0;              // images per row; 0: about square
};

// The example indices a preview shows (first .. first + count - 1). Throws UserError for a count outside
// 1..1024 or a negative first index.
std::vector<std::int64_t> preview_indices(const ImagePreviewOptions& options);

// Draws examples first .. first + count - 1 of the split into `out` (.png or .svg), captioned with their
// class names, under a title that starts with `name` (e.g. "fashion_mnist cluttered60") and gives the
// split, the canvas and the seed. Throws UserError for a bad split, count or file name.
void write_image_preview(const ImageClassificationData& data, const std::string& name,
                         const ImagePreviewOptions& options, const std::filesystem::path& out);

}  // namespace mann
