#pragma once
// Collects attention weightings as a model runs, so that tools can save them (e.g. to HDF5) and draw them.
// Each named series is a time series: one (B x N) weighting per call of record() under that name, in order.
#include <string>
#include <unordered_map>
#include <vector>

#include "framework/autodiff/matrix.h"

namespace mann {

class AttentionRecorder {
 public:
  struct Series {
    std::string name;           // e.g. "read_head0", "hop2"
    std::vector<Matrix> steps;  // steps[t] is the (B x N) weighting recorded at the t-th call
  };

  // Appends a copy of weights to the series called name (created on first use).
  void record(const std::string& name, const Matrix& weights);
  void clear();

  // In order of first appearance.
  const std::vector<Series>& entries() const { return series_; }
  const Series* find(const std::string& name) const;  // nullptr if never recorded
  // The steps of one series for a single example b, stacked into a (T x N) matrix (time by slot), the
  // layout attention plots use. Throws std::out_of_range if the series or example does not exist.
  Matrix example(const std::string& name, Index b) const;

 private:
  std::vector<Series> series_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace mann
