#pragma once
// Colormaps as a few anchor colours with linear interpolation between them, and the value -> colour
// mapping for a given data range.
#include <vector>

#include "framework/io/plot/color.h"

namespace mann::plot {

class Colormap {
 public:
  // Anchors spaced evenly over [0, 1]; at least two.
  explicit Colormap(std::vector<Color> anchors);

  // A viridis-like ramp (dark purple -> blue -> green -> yellow): perceptually ordered, luminance rises
  // monotonically, and it stays readable in grey-scale print and for colour-blind readers.
  static const Colormap& viridis();

  // t is clamped to [0, 1]; NaN maps to the low end.
  Color at(float t) const;

 private:
  std::vector<Color> anchors_;
};

// Maps data values in [vmin, vmax] onto a colormap; values outside are clamped to the ends and non-finite
// values get a neutral grey, so missing data is visibly different from small data.
class ValueColors {
 public:
  // Requires vmin < vmax (both finite).
  ValueColors(float vmin, float vmax, const Colormap& map = Colormap::viridis());

  float vmin() const { return vmin_; }
  float vmax() const { return vmax_; }
  // Position of `value` in the range, clamped to [0, 1].
  float normalized(float value) const;
  Color operator()(float value) const;

  static constexpr Color kMissing{190, 190, 190};

 private:
  float vmin_, vmax_;
  const Colormap* map_;
};

}  // namespace mann::plot
