#include "datasets/image/image_preview.h"

#include <numeric>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/image_grid.h"

namespace mann {

std::vector<std::int64_t> preview_indices(const ImagePreviewOptions& options) {
  if (options.count < 1 || options.count > 1024)
    throw UserError("a preview shows 1..1024 examples, not " + std::to_string(options.count));
  if (options.first < 0) throw UserError("the first example of a preview must be >= 0");
  std::vector<std::int64_t> indices(static_cast<std::size_t>(options.count));
  std::iota(indices.begin(), indices.end(), options.first);
  return indices;
}

void write_image_preview(const ImageClassificationData& data, const std::string& name,
                         const ImagePreviewOptions& options, const std::filesystem::path& out) {
  const std::vector<std::int64_t> indices = preview_indices(options);
  const ImageBatch batch = data.batch(options.split, indices);

  plot::ImageGridSpec grid;
  grid.images = batch.pixels;
  grid.height = batch.height;
  grid.width = batch.width;
  grid.columns = options.columns;
  for (int label : batch.labels) grid.captions.push_back(data.class_names()[static_cast<std::size_t>(label)]);
  grid.title = name + ": " + options.split + " " + std::to_string(options.first) + ".." +
               std::to_string(options.first + options.count - 1) + ", " + describe(data.variant()) +
               ", seed " + std::to_string(data.seed());
  plot::draw_image_grid(grid, out);
}

}  // namespace mann
