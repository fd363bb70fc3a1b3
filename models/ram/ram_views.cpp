#include "models/ram/ram_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/train/generated_example.h"
#include "framework/views/grid_overlay.h"

namespace mann {
namespace {

// Step t of n on a ramp from dark red to yellow.
plot::Color step_color(int t, int n) {
  const float a = n > 1 ? static_cast<float>(t) / static_cast<float>(n - 1) : 0.f;
  return plot::blend(plot::Color{160, 0, 0}, plot::Color{255, 230, 0}, a);
}

std::string location_text(const Matrix& location) {
  char text[48];
  std::snprintf(text, sizeof text, "(%.2f, %.2f)", location(0, 0), location(0, 1));
  return text;
}

}  // namespace

std::vector<plot::ImageMark> glimpse_boxes(const Matrix& location, int height, int width, int patch,
                                           int scales, int image, plot::Color color,
                                           const std::string& label) {
  std::vector<plot::ImageMark> boxes;
  const float u = (location(0, 0) + 1.f) * 0.5f * static_cast<float>(width);
  const float v = (location(0, 1) + 1.f) * 0.5f * static_cast<float>(height);
  for (int s = 0; s < scales; ++s) {
    const float side = static_cast<float>(patch << s);
    // the sensor's first pixel is round(u - side / 2), halves up; what lies beyond the image is zero
    // padding, so the box is drawn clipped to the image (a coarse scale can be larger than the image)
    const float x0 = std::floor(u - side / 2 + 0.5f), y0 = std::floor(v - side / 2 + 0.5f);
    const float left = std::max(x0, 0.f), top = std::max(y0, 0.f);
    const float right = std::min(x0 + side, static_cast<float>(width));
    const float bottom = std::min(y0 + side, static_cast<float>(height));
    if (right <= left || bottom <= top) continue;
    boxes.push_back({image, left, top, right - left, bottom - top, color, s == 0 ? label : std::string{}});
  }
  return boxes;
}

RamViews::RamViews(ImageLearner& learner, RamModel& model, uint64_t eval_seed)
    : learner_(learner), model_(model), eval_seed_(eval_seed) {}

RamViews::Look RamViews::look(const std::string& split, int64_t index) {
  const ImageClassificationData& data = learner_.data();
  if (index < 0 || index >= data.size(split))
    throw UserError("example " + std::to_string(index) + " is not in the " + split + " split (0.." +
                    std::to_string(data.size(split) - 1) + ")");
  const ImageBatch batch = data.batch(split, {index});
  Rng rng = generated_example_rng(eval_seed_, split, index);
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};
  Look out;
  Index predicted = 0;
  model_.forward(tape, tape.constant(batch.pixels), ctx, &out.path).value().row(0).maxCoeff(&predicted);
  out.label = batch.labels.front();
  out.predicted = static_cast<int>(predicted);
  out.pixels = batch.pixels;
  return out;
}

std::map<std::string, Matrix> RamViews::attention_maps(Rng& rng) {
  const Look seen = look("test", rng.uniform_int(learner_.data().size("test")));
  Matrix locations(static_cast<Index>(seen.path.locations.size()), 2);
  for (std::size_t t = 0; t < seen.path.locations.size(); ++t)
    locations.row(static_cast<Index>(t)) = seen.path.locations[t].row(0);
  Matrix answer(1, 2);
  answer << static_cast<float>(seen.label), static_cast<float>(seen.predicted);
  return {{"locations", locations}, {"label_prediction", answer}};
}

AttentionView RamViews::attention_view(const std::string& split, int64_t index) {
  const Look seen = look(split, index);
  const ImageClassificationData& data = learner_.data();
  const RamOptions& o = model_.options();
  const int h = data.height(), w = data.width();
  const int steps = static_cast<int>(seen.path.locations.size());
  const auto& names = data.class_names();

  AttentionView view;
  view.title = split + " example " + std::to_string(index) + ": " +
               names[static_cast<std::size_t>(seen.label)] +
               " (predicted: " + names[static_cast<std::size_t>(seen.predicted)] + ")";
  plot::ImageGridSpec grid;
  grid.height = h;
  grid.width = w;
  grid.scale = std::max(1, 240 / std::max(h, w));  // large enough for the boxes and the title
  const GridAttention* candidates = model_.grid();
  const int overlays = candidates ? static_cast<int>(seen.path.grid_weights.size()) : 0;
  grid.images.resize(1 + overlays, static_cast<Index>(h) * w);
  grid.images.row(0) = seen.pixels.row(0);
  grid.captions.push_back("1 red .. " + std::to_string(steps) + " yellow");
  plot::HeatmapSpec locations;
  locations.values.resize(steps, 2);
  locations.col_labels = {"x", "y"};
  for (int t = 0; t < steps; ++t) {
    const Matrix& l = seen.path.locations[static_cast<std::size_t>(t)];
    locations.values.row(t) = l.row(0);
    locations.row_labels.push_back("glimpse " + std::to_string(t + 1) + " " + location_text(l));
    const auto boxes =
        glimpse_boxes(l, h, w, o.patch, o.scales, 0, step_color(t, steps), std::to_string(t + 1));
    grid.marks.insert(grid.marks.end(), boxes.begin(), boxes.end());
  }
  locations.vmin = -1.f;
  locations.vmax = 1.f;
  locations.title = "glimpse locations";
  view.panel_names.push_back("locations");
  view.panels.push_back(std::move(locations));

  if (candidates) {
    const int g = candidates->grid();
    plot::HeatmapSpec weights;
    weights.values.resize(overlays, static_cast<Index>(g) * g);
    weights.vmin = 0.f;
    weights.vmax = 1.f;
    weights.title = "weights over the " + std::to_string(g) + "x" + std::to_string(g) + " grid";
    for (int t = 0; t < overlays; ++t) {
      const Matrix& wt = seen.path.grid_weights[static_cast<std::size_t>(t)];
      weights.values.row(t) = wt.row(0);
      weights.row_labels.push_back("glimpse " + std::to_string(t + 2));
      grid.images.row(1 + t) = overlay_grid_weights(seen.pixels.row(0), h, w, wt.row(0), g, g);
      grid.captions.push_back("glimpse " + std::to_string(t + 2) + " weights");
      const auto boxes = glimpse_boxes(seen.path.locations[static_cast<std::size_t>(t + 1)], h, w, o.patch,
                                       o.scales, 1 + t, step_color(t + 1, steps), std::to_string(t + 2));
      grid.marks.insert(grid.marks.end(), boxes.begin(), boxes.end());
    }
    view.panel_names.push_back("grid_weights");
    view.panels.push_back(std::move(weights));
  }
  grid.title = view.title;
  view.image = std::move(grid);
  return view;
}

}  // namespace mann
