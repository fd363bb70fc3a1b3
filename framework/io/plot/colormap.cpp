#include "framework/io/plot/colormap.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mann::plot {

Colormap::Colormap(std::vector<Color> anchors) : anchors_(std::move(anchors)) {
  if (anchors_.size() < 2) throw std::invalid_argument("Colormap needs at least two anchor colours");
}

const Colormap& Colormap::viridis() {
  // Nine anchors read off the familiar viridis ramp at t = 0, 1/8, ..., 1; linear interpolation between
  // them keeps luminance monotone because it is monotone across the anchors.
  static const Colormap map({{68, 1, 84},
                             {71, 44, 122},
                             {59, 82, 139},
                             {44, 114, 142},
                             {33, 145, 140},
                             {39, 173, 129},
                             {94, 201, 98},
                             {170, 220, 50},
                             {253, 231, 37}});
  return map;
}

Color Colormap::at(float t) const {
  if (!(t > 0)) return anchors_.front();  // also catches NaN
  if (t >= 1) return anchors_.back();
  const float pos = t * static_cast<float>(anchors_.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(pos), anchors_.size() - 2);
  const float f = pos - static_cast<float>(i);
  return blend(anchors_[i], anchors_[i + 1], f);
}

ValueColors::ValueColors(float vmin, float vmax, const Colormap& map) : vmin_(vmin), vmax_(vmax), map_(&map) {
  if (!(std::isfinite(vmin) && std::isfinite(vmax) && vmin < vmax)) {
    throw std::invalid_argument("ValueColors needs finite vmin < vmax");
  }
}

float ValueColors::normalized(float value) const {
  return std::clamp((value - vmin_) / (vmax_ - vmin_), 0.0f, 1.0f);
}

Color ValueColors::operator()(float value) const {
  if (!std::isfinite(value)) return kMissing;
  return map_->at(normalized(value));
}

}  // namespace mann::plot
