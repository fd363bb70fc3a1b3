#pragma once
// The metrics history of a run: named columns, one row per report. Missing values are NaN (a training row
// has no evaluation metrics). Stored in checkpoints and mirrored to metrics.csv.
#include <cmath>
#include <string>
#include <vector>

namespace mann {

struct MetricsTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;

  // Index of a column, or -1.
  int column_index(const std::string& name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return static_cast<int>(i);
    return -1;
  }
  // One column's values (empty if absent).
  std::vector<double> column(const std::string& name) const {
    std::vector<double> out;
    const int i = column_index(name);
    if (i < 0) return out;
    for (const auto& row : rows) out.push_back(row[static_cast<size_t>(i)]);
    return out;
  }
};

}  // namespace mann
