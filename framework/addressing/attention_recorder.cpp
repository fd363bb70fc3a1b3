#include "framework/addressing/attention_recorder.h"

#include <stdexcept>

namespace mann {

void AttentionRecorder::record(const std::string& name, const Matrix& weights) {
  auto [it, inserted] = index_.try_emplace(name, series_.size());
  if (inserted) series_.push_back(Series{name, {}});
  series_[it->second].steps.push_back(weights);
}

void AttentionRecorder::clear() {
  series_.clear();
  index_.clear();
}

const AttentionRecorder::Series* AttentionRecorder::find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &series_[it->second];
}

Matrix AttentionRecorder::example(const std::string& name, Index b) const {
  const Series* s = find(name);
  if (!s) throw std::out_of_range("no attention series named '" + name + "'");
  if (s->steps.empty()) return Matrix(0, 0);
  Matrix out(static_cast<Index>(s->steps.size()), s->steps.front().cols());
  for (size_t t = 0; t < s->steps.size(); ++t) {
    const Matrix& w = s->steps[t];
    if (b < 0 || b >= w.rows() || w.cols() != out.cols())
      throw std::out_of_range("attention series '" + name + "' step " + std::to_string(t) + " has shape " +
                              shape_string(w) + ", no example " + std::to_string(b));
    out.row(static_cast<Index>(t)) = w.row(b);
  }
  return out;
}

}  // namespace mann
