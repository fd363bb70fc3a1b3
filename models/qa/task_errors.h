#pragma once
// Per-task answer accuracy of a QA evaluation, and the bAbI summary measures: mean error over tasks and
// the number of failed tasks (error above 5%, Weston et al. 2015).
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mann {

inline constexpr double kBabiFailedTaskError = 0.05;

class TaskErrors {
 public:
  void add(int task, bool correct);

  int questions() const;
  double error() const;            // over all questions
  double error(int task) const;    // of one task (NaN if it had no question)
  double mean_task_error() const;  // unweighted mean over the tasks seen
  int failed_tasks() const;        // tasks with error > kBabiFailedTaskError
  std::vector<int> tasks() const;  // in increasing order

  // The metric name of a task's error ("task3_error"), and its inverse (0 when `name` is not one).
  static std::string metric_name(int task);
  static int task_of_metric(const std::string& name);

 private:
  std::map<int, std::pair<int, int>> counts_;  // task -> (wrong, total)
};

}  // namespace mann
