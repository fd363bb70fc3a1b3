#pragma once
// Training history as a table: named columns (step, loss, valid_error, ...) and one row per evaluation.
// Rows are how training appends; columns are how a checkpoint stores it (one float64 dataset each).
#include <string>
#include <vector>

namespace mann {

struct MetricsTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;  // rows[i][j] is column j of row i; every row has columns.size()

  // Appends one row; throws std::invalid_argument when its length differs from the number of columns.
  void add_row(std::vector<double> row);
  // Index of a column, or -1 when absent.
  int column_index(const std::string& name) const;
  // All values of one column in row order; throws std::out_of_range naming the column when absent.
  std::vector<double> column(const std::string& name) const;

  bool operator==(const MetricsTable&) const = default;
};

}  // namespace mann
