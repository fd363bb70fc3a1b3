// The values a checkpoint holds must be ones a run can produce. The file format checks (types, ranks,
// checksums) cannot see a NaN parameter or a best metric that no evaluation reported, yet either would
// silently spoil everything after it: evaluation of NaN weights "succeeds", and a best metric below any
// real one means best.h5 never updates again.
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "framework/io/checkpoint.h"

namespace mann {

namespace {

// "-1e+300", "0.0625", "nan": short enough for a message whatever the value.
std::string number(double value) {
  std::ostringstream text;
  text << std::setprecision(6) << value;
  return text.str();
}

// "" when all finite, else where the first non-finite entry is and what it is.
std::string first_non_finite(const Matrix& m) {
  for (Index i = 0; i < m.rows(); ++i) {
    for (Index j = 0; j < m.cols(); ++j) {
      if (!std::isfinite(m(i, j))) {
        return std::string(std::isnan(m(i, j)) ? "NaN" : "an infinite value") + " at (" + std::to_string(i) +
               ", " + std::to_string(j) + ")";
      }
    }
  }
  return "";
}

void check_tensors(const CheckpointData& d, std::vector<std::string>& problems) {
  for (const auto& [name, value] : d.params) {
    if (const std::string bad = first_non_finite(value); !bad.empty())
      problems.push_back("parameter '" + name + "' holds " + bad);
  }
  for (const auto& [param, slots] : d.optimizer_slots) {
    const Matrix* owner = d.param(param);
    for (const auto& [slot, value] : slots) {
      const std::string label = "optimizer slot '" + param + "/" + slot + "'";
      if (owner == nullptr) {
        problems.push_back(label + " belongs to no parameter of the checkpoint");
      } else if (owner->rows() != value.rows() || owner->cols() != value.cols()) {
        problems.push_back(label + " is " + shape_string(value) + " but its parameter is " +
                           shape_string(*owner));
      }
      if (const std::string bad = first_non_finite(value); !bad.empty())
        problems.push_back(label + " holds " + bad);
    }
  }
  // An optimizer keeps the same slots for every parameter it updates: one missing is damage.
  std::set<std::string> slot_names;
  for (const auto& [param, slots] : d.optimizer_slots)
    for (const auto& [slot, value] : slots) slot_names.insert(slot);
  for (const auto& [param, slots] : d.optimizer_slots) {
    for (const std::string& slot : slot_names)
      if (!slots.count(slot)) problems.push_back("optimizer slot '" + param + "/" + slot + "' is missing");
  }
  for (const auto& [name, value] : d.optimizer_scalars) {
    if (!std::isfinite(value))
      problems.push_back("optimizer hyperparameter '" + name + "' is " + number(value));
  }
}

// The value of `column` in the metrics row of `step`, or NaN when the history has no such row or column.
double history_value(const MetricsTable& metrics, const std::string& column, int64_t step) {
  const auto column_at = [&](const std::string& name) {
    for (size_t i = 0; i < metrics.columns.size(); ++i)
      if (metrics.columns[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int step_column = column_at("step"), value_column = column_at(column);
  if (step_column < 0 || value_column < 0) return std::nan("");
  for (const auto& row : metrics.rows) {
    if (row[static_cast<size_t>(step_column)] == static_cast<double>(step))
      return row[static_cast<size_t>(value_column)];
  }
  return std::nan("");
}

void check_progress(const CheckpointData& d, std::vector<std::string>& problems) {
  const CheckpointData::Progress& p = d.progress;
  const auto counter = [&](const char* name, int64_t value) {
    if (value < 0)
      problems.push_back(std::string("progress ") + name + " is negative (" + number(value) + ")");
  };
  counter("step", p.step);
  counter("epoch", p.epoch);
  counter("examples_seen", p.examples_seen);
  if (d.optimizer_step < 0)
    problems.push_back("optimizer step is negative (" + std::to_string(d.optimizer_step) + ")");
  if (p.best_step < -1 || p.best_step > p.step) {
    problems.push_back("progress best_step " + std::to_string(p.best_step) +
                       " is not between -1 (none yet) and step " + std::to_string(p.step));
    return;
  }
  if (p.best_step == -1) {
    if (!std::isnan(p.best_metric))
      problems.push_back("progress best_metric is " + number(p.best_metric) +
                         " but best_step -1 says there is no best yet");
    return;
  }
  if (!std::isfinite(p.best_metric)) {
    problems.push_back("progress best_metric is " + number(p.best_metric) + " at best_step " +
                       std::to_string(p.best_step));
    return;
  }
  // The best metric is a value the history recorded: compare where the history still has that row.
  const double recorded = history_value(d.metrics, p.best_metric_name, p.best_step);
  if (!std::isnan(recorded) && recorded != p.best_metric) {
    problems.push_back("progress best_metric " + number(p.best_metric) +
                       " disagrees with the metrics history, where " + p.best_metric_name + " at step " +
                       std::to_string(p.best_step) + " is " + number(recorded));
  }
}

}  // namespace

void check_checkpoint_consistency(const CheckpointData& data) {
  std::vector<std::string> problems;
  check_tensors(data, problems);
  check_progress(data, problems);
  if (problems.empty()) return;
  std::string message = data.source.empty() ? std::string("checkpoint") : data.source.string();
  message += problems.size() == 1 ? ": impossible value: " + problems.front() : ": impossible values:";
  if (problems.size() > 1)
    for (const std::string& p : problems) message += "\n  " + p;
  throw CheckpointError(message);
}

}  // namespace mann
