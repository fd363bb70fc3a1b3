#include "models/rl_ntm/rl_ntm_views.h"

#include <algorithm>
#include <limits>

#include "framework/train/generated_example.h"

namespace mann {
namespace {

// (cells first..last x steps) with a 1 where example 0's head stood at each step; last is at least
// min_last (a whole input tape), first the lowest cell the head visited (or 0).
Matrix head_map(const std::vector<std::vector<int>>& positions, int& first, int min_last = 0,
                bool from_zero = true) {
  int last = min_last;
  first = from_zero ? 0 : std::numeric_limits<int>::max();
  for (const auto& step : positions) {
    if (step[0] < 0) continue;
    last = std::max(last, step[0]);
    first = std::min(first, step[0]);
  }
  if (first > last) first = last;
  Matrix m = Matrix::Zero(last - first + 1, static_cast<Index>(positions.size()));
  for (size_t t = 0; t < positions.size(); ++t)
    if (positions[t][0] >= 0) m(positions[t][0] - first, static_cast<Index>(t)) = 1.f;
  return m;
}

std::string symbols(const std::vector<int>& s) {
  std::string out;
  for (int x : s) out += (out.empty() ? "" : " ") + std::to_string(x);
  return out;
}

}  // namespace

RlNtmViews::RlNtmViews(const SymbolTapeTask& task, const RlNtmModel& model, uint64_t eval_seed)
    : task_(task), model_(model), eval_seed_(eval_seed) {}

RlNtmViews::Recorded RlNtmViews::record(SymbolTapes tapes, Rng& rng) const {
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{false, &rng, 0, nullptr, nullptr};
  const RlNtmEpisode ep = model_.run(tape, tapes, ctx);
  Matrix writes = Matrix::Zero(1, static_cast<Index>(ep.writes.size()));
  for (size_t t = 0; t < ep.writes.size(); ++t) writes(0, static_cast<Index>(t)) = ep.writes[t][0] == 1;
  // The input panel shows the whole tape, the end markers on both sides included (cells 0..n+1); the
  // memory panel the cells the head visited, labelled by their offset from where it started.
  Recorded r{std::move(tapes), {}, {}, {}};
  int first_input = 0;
  const int input_cells = static_cast<int>(r.tapes.inputs[0].size()) + 2;
  r.maps["input_head"] = head_map(ep.input_positions, first_input, input_cells - 1);
  r.input_labels.push_back("E");
  for (int x : r.tapes.inputs[0]) r.input_labels.push_back(std::to_string(x));
  r.input_labels.push_back("E");
  int first_memory = 0;
  r.maps["memory_head"] = head_map(ep.memory_positions, first_memory, 0, false);
  const int memory_start = ep.memory_positions.empty() ? 0 : ep.memory_positions[0][0];
  for (Index i = 0; i < r.maps["memory_head"].rows(); ++i) {
    const int offset = first_memory + static_cast<int>(i) - memory_start;
    r.memory_labels.push_back(offset > 0 ? "+" + std::to_string(offset) : std::to_string(offset));
  }
  r.maps["output_writes"] = writes;
  return r;
}

std::map<std::string, Matrix> RlNtmViews::attention_maps(Rng& rng) {
  return record(task_.sample_tapes({task_.eval_lengths().max}, rng), rng).maps;
}

AttentionView RlNtmViews::attention_view(const std::string& split, int64_t index) {
  Rng rng = generated_example_rng(eval_seed_, split, index);
  const LengthRange range = split == "train" ? task_.train_lengths() : task_.eval_lengths();
  const Recorded r =
      record(task_.sample_tapes({range.min + rng.uniform_int(range.max - range.min + 1)}, rng), rng);
  AttentionView view;
  view.title = task_.name() + ": " + symbols(r.tapes.inputs[0]) + " -> " + symbols(r.tapes.targets[0]) +
               " (" + split + " example " + std::to_string(index) + ")";
  const std::vector<std::pair<std::string, std::string>> panels = {
      {"input_head", "input tape (E: end marker)"},
      {"memory_head", "memory cell from start"},
      {"output_writes", "written"}};
  for (const auto& [name, axis] : panels) {
    plot::HeatmapSpec panel;
    panel.values = r.maps.at(name);
    if (name == "input_head") panel.row_labels = r.input_labels;
    if (name == "memory_head") panel.row_labels = r.memory_labels;
    panel.title = name;
    panel.x_title = "step";
    panel.y_title = axis;
    panel.vmin = 0.f;
    panel.vmax = 1.f;
    view.panel_names.push_back(name);
    view.panels.push_back(std::move(panel));
  }
  return view;
}

}  // namespace mann
