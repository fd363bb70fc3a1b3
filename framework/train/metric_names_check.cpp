#include "framework/train/metric_names_check.h"

#include <stdexcept>

#include "framework/util/strings.h"

namespace mann {
namespace {

std::string bracketed(const std::vector<std::string>& names) {
  return "[" + join(names, ", ") + "]";
}

}  // namespace

void check_metric_names(const Metrics& metrics, const std::vector<std::string>& declared,
                        const std::string& model, const std::string& source) {
  bool same = metrics.size() == declared.size();
  for (size_t i = 0; same && i < declared.size(); ++i) same = metrics[i].first == declared[i];
  if (same) return;
  std::vector<std::string> returned;
  for (const auto& metric : metrics) returned.push_back(metric.first);
  size_t first = 0;
  while (first < returned.size() && first < declared.size() && returned[first] == declared[first]) ++first;
  throw std::logic_error(model + ": " + source + " returned the metrics " + bracketed(returned) +
                         " but the model declares " + bracketed(declared) + " (they differ at position " +
                         std::to_string(first + 1) +
                         "); metrics.csv columns are filled by position, so the two lists must match");
}

}  // namespace mann
