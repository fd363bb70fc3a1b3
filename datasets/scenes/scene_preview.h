#pragma once
// A picture of captioned scenes as a model sees them: a grid of canvases, each with its reference
// captions under it (the canonical one first), for checking the scenes and the grammar by eye
// (`mann data preview fashion_scenes --set layout=grid2x2`).
#include <filesystem>
#include <string>

#include "datasets/image/image_preview.h"
#include "datasets/scenes/scene_caption_data.h"

namespace mann {

// Draws examples first .. first + count - 1 of the split into `out` (.png or .svg), each with its
// references, under a title that starts with `name` and gives the split, the scene options and the seed.
// Throws UserError for a bad split, count or file name.
void write_scene_preview(const SceneCaptionData& data, const std::string& name,
                         const ImagePreviewOptions& options, const std::filesystem::path& out);

}  // namespace mann
