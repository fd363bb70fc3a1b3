#include "framework/io/plot/render_file.h"

#include <cctype>
#include <cmath>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/png.h"
#include "framework/io/plot/png_canvas.h"
#include "framework/io/plot/svg_canvas.h"

namespace mann::plot {

PlotFormat plot_format_for(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".svg") return PlotFormat::kSvg;
  if (ext == ".png") return PlotFormat::kPng;
  throw UserError("plot file '" + path.string() + "' must end in .svg or .png");
}

void render_to_file(const std::filesystem::path& path, float width, float height,
                    const std::function<void(Canvas&)>& draw) {
  const int w = static_cast<int>(std::ceil(width)), h = static_cast<int>(std::ceil(height));
  if (plot_format_for(path) == PlotFormat::kSvg) {
    SvgDocument doc(static_cast<float>(w), static_cast<float>(h));
    SvgCanvas canvas(doc);
    draw(canvas);
    doc.write_svg(path);
  } else {
    Image image(w, h);
    PngCanvas canvas(image);
    draw(canvas);
    write_png(path, image);
  }
}

}  // namespace mann::plot
