#include "models/rl_ntm/rl_ntm_views.h"

#include <algorithm>

#include "framework/train/generated_example.h"

namespace mann {
namespace {

// (positions x steps) with a 1 where example 0's head stood at each step.
Matrix head_map(const std::vector<std::vector<int>>& positions) {
  int rows = 1;
  for (const auto& step : positions) rows = std::max(rows, step[0] + 1);
  Matrix m = Matrix::Zero(rows, static_cast<Index>(positions.size()));
  for (size_t t = 0; t < positions.size(); ++t)
    if (positions[t][0] >= 0) m(positions[t][0], static_cast<Index>(t)) = 1.f;
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
  return {std::move(tapes),
          {{"input_head", head_map(ep.input_positions)},
           {"memory_head", head_map(ep.memory_positions)},
           {"output_writes", writes}}};
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
  const std::vector<std::pair<std::string, std::string>> panels = {{"input_head", "input tape position"},
                                                                   {"memory_head", "memory tape position"},
                                                                   {"output_writes", "written"}};
  for (const auto& [name, axis] : panels) {
    plot::HeatmapSpec panel;
    panel.values = r.maps.at(name);
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
