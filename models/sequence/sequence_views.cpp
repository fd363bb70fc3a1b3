#include "models/sequence/sequence_views.h"

#include <algorithm>

#include "framework/addressing/attention_recorder.h"
#include "framework/train/generated_example.h"

namespace mann {
namespace {

// "read head 0" for the series "read0" (a head's weighting over memory slots), "" for any other series.
std::string head_title(const std::string& series) {
  for (const std::string kind : {"read", "write"}) {
    const std::string number = series.substr(std::min(kind.size(), series.size()));
    if (series.starts_with(kind) && !number.empty() &&
        std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return kind + " head " + number;
  }
  return "";
}

// Rows of a (1 x width) matrix per time step, stacked into (T x width).
Matrix stack_steps(const std::vector<Matrix>& steps) {
  Matrix m(static_cast<Index>(steps.size()), steps.front().cols());
  for (size_t t = 0; t < steps.size(); ++t) m.row(static_cast<Index>(t)) = steps[t].row(0);
  return m;
}

}  // namespace

// One example (a batch of 1) run at evaluation with every series recorded.
struct SequenceViews::RecordedExample {
  SequenceBatch batch;
  std::vector<Matrix> outputs;  // sigmoid of the logits, per time step (1 x output_width)
  AttentionRecorder recorder;
};

SequenceViews::SequenceViews(SequenceTask& task, SequenceModel& model, uint64_t eval_seed)
    : task_(task), model_(model), eval_seed_(eval_seed) {}

SequenceViews::RecordedExample SequenceViews::record_example(SequenceBatch batch, Rng& rng) {
  RecordedExample r{std::move(batch), {}, {}};
  Tape tape;
  tape.set_grad_enabled(false);
  ForwardContext ctx{false, &rng, 0, &r.recorder, nullptr};
  for (const Var& l : model_.forward(tape, r.batch, ctx))
    r.outputs.push_back((1.f / (1.f + (-l.value().array()).exp())).matrix());
  return r;
}

std::map<std::string, Matrix> SequenceViews::attention_maps(Rng& rng) {
  const RecordedExample r = record_example(task_.sample_eval(1, rng), rng);
  std::map<std::string, Matrix> maps{{"input", stack_steps(r.batch.inputs)},
                                     {"target", stack_steps(r.batch.targets)},
                                     {"output", stack_steps(r.outputs)}};
  for (const AttentionRecorder::Series& s : r.recorder.entries()) maps[s.name] = r.recorder.example(s.name, 0);
  return maps;
}

AttentionView SequenceViews::attention_view(const std::string& split, int64_t index) {
  Rng rng = generated_example_rng(eval_seed_, split, index);
  SequenceBatch batch = split == "train" ? task_.sample_train(1, rng) : task_.sample_eval(1, rng);
  const RecordedExample r = record_example(std::move(batch), rng);
  AttentionView view;
  view.title = task_.name() + ", length " + std::to_string(r.batch.lengths.front()) + " (" + split +
               " example " + std::to_string(index) + ")";
  // The input ends where the first target is scored: a line there tells writing from reading back.
  int output_start = -1;
  for (int t = 0; t < r.batch.time_steps() && output_start < 0; ++t)
    if (r.batch.masks[static_cast<size_t>(t)].row(0).sum() > 0) output_start = t;
  for (const AttentionRecorder::Series& s : r.recorder.entries()) {
    const std::string head = head_title(s.name);
    if (head.empty()) continue;  // read vectors, add vectors: not weightings over slots
    plot::HeatmapSpec panel;
    panel.values = r.recorder.example(s.name, 0).transpose();  // slots x time, as in the NTM paper
    panel.title = view.title + ": " + head + " weighting";
    panel.x_title = "time step";
    panel.y_title = "memory slot";
    panel.vmin = 0.f;
    panel.vmax = 1.f;
    panel.divider_col = output_start;
    panel.divider_label = "output";
    view.panel_names.push_back(s.name);
    view.panels.push_back(std::move(panel));
  }
  if (view.panels.empty()) return {};
  return view;
}

}  // namespace mann
