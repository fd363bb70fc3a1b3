#include "models/qa/task_errors.h"

#include <cmath>
#include <limits>

namespace mann {

void TaskErrors::add(int task, bool correct) {
  auto& c = counts_[task];
  c.first += correct ? 0 : 1;
  c.second += 1;
}

int TaskErrors::questions() const {
  int n = 0;
  for (const auto& [task, c] : counts_) n += c.second;
  return n;
}

double TaskErrors::error() const {
  int wrong = 0, total = 0;
  for (const auto& [task, c] : counts_) wrong += c.first, total += c.second;
  return total ? static_cast<double>(wrong) / total : std::numeric_limits<double>::quiet_NaN();
}

double TaskErrors::error(int task) const {
  const auto it = counts_.find(task);
  if (it == counts_.end() || it->second.second == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(it->second.first) / it->second.second;
}

double TaskErrors::mean_task_error() const {
  if (counts_.empty()) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  for (const auto& [task, c] : counts_) sum += error(task);
  return sum / static_cast<double>(counts_.size());
}

int TaskErrors::failed_tasks() const {
  int failed = 0;
  for (const auto& [task, c] : counts_) failed += error(task) > kBabiFailedTaskError;
  return failed;
}

std::vector<int> TaskErrors::tasks() const {
  std::vector<int> out;
  for (const auto& [task, c] : counts_) out.push_back(task);
  return out;
}

std::string TaskErrors::metric_name(int task) {
  return "task" + std::to_string(task) + "_error";
}

int TaskErrors::task_of_metric(const std::string& name) {
  const std::string prefix = "task", suffix = "_error";
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) || !name.ends_with(suffix))
    return 0;
  const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  for (char ch : digits)
    if (ch < '0' || ch > '9') return 0;
  return std::stoi(digits);
}

}  // namespace mann
