#pragma once
// Picks the output format from the file extension and runs one drawing function against the matching
// Canvas, so each plot type has a single drawing path for SVG and PNG.
#include <filesystem>
#include <functional>

#include "framework/io/plot/canvas.h"

namespace mann::plot {

enum class PlotFormat { kSvg, kPng };

// ".svg" or ".png" (any letter case); anything else is a UserError naming the path.
PlotFormat plot_format_for(const std::filesystem::path& path);

// Creates a white width x height canvas (rounded up to whole pixels), calls draw, writes the file
// atomically.
void render_to_file(const std::filesystem::path& path, float width, float height,
                    const std::function<void(Canvas&)>& draw);

}  // namespace mann::plot
