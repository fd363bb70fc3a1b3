#include "datasets/scenes/scene_preview.h"

#include <numeric>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/image_grid.h"

namespace mann {

namespace {

constexpr int kCaptionWidth = 400;   // screen pixels under each scene: about 33 characters a line
constexpr int kLinesPerCaption = 8;  // more than a four-item caption needs at that width

}  // namespace

void write_scene_preview(const SceneCaptionData& data, const std::string& name,
                         const ImagePreviewOptions& options, const std::filesystem::path& out) {
  const std::vector<std::int64_t> indices = preview_indices(options);
  const CaptionBatch batch = data.batch(options.split, indices);

  plot::ImageGridSpec grid;
  grid.images = batch.images.pixels;
  grid.height = batch.images.height;
  grid.width = batch.images.width;
  grid.columns = options.columns;
  grid.caption_width = kCaptionWidth;
  grid.caption_lines = kLinesPerCaption * data.options().references;
  for (const std::vector<CaptionWords>& references : batch.references) {
    std::string text;
    for (std::size_t r = 0; r < references.size(); ++r)
      text += (r == 0 ? "" : "\n") + std::to_string(r + 1) + ". " + caption_text(references[r]);
    grid.captions.push_back(text);
  }
  grid.title = name + ": " + options.split + " " + std::to_string(options.first) + ".." +
               std::to_string(options.first + options.count - 1) + ", " + describe(data.options()) +
               ", seed " + std::to_string(data.seed());
  plot::draw_image_grid(grid, out);
}

}  // namespace mann
