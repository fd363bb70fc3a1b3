#include "framework/train/metrics_table.h"

#include <stdexcept>

namespace mann {

void MetricsTable::add_row(std::vector<double> row) {
  if (row.size() != columns.size()) {
    throw std::invalid_argument("metrics row has " + std::to_string(row.size()) +
                                " values but the table has " + std::to_string(columns.size()) + " columns");
  }
  rows.push_back(std::move(row));
}

int MetricsTable::column_index(const std::string& name) const {
  for (size_t j = 0; j < columns.size(); ++j) {
    if (columns[j] == name) return static_cast<int>(j);
  }
  return -1;
}

std::vector<double> MetricsTable::column(const std::string& name) const {
  const int j = column_index(name);
  if (j < 0) throw std::out_of_range("metrics table has no column '" + name + "'");
  std::vector<double> values;
  values.reserve(rows.size());
  for (const std::vector<double>& row : rows) values.push_back(row[static_cast<size_t>(j)]);
  return values;
}

}  // namespace mann
