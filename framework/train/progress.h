#pragma once
// Progress of a long run: on a terminal a live line (step/total, epoch/total where the data has epochs,
// loss, accuracy, steps/s, ETA) redrawn in place; otherwise (logs, CI) one plain line per report.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "framework/train/learner.h"

namespace mann {

class ProgressReporter {
 public:
  // out: where to draw (stderr by default); live: redraw in place (default: whether out is a terminal).
  explicit ProgressReporter(std::FILE* out = stderr, int live = -1);

  // steps_per_epoch > 0 adds the epoch to each line (recipes such as bAbI's are given in epochs).
  void start(int64_t first_step, int64_t total_steps, int64_t steps_per_epoch = 0);
  // A report of the metrics averaged since the last one; `final_line` keeps it on screen.
  void report(int64_t step, const Metrics& metrics, bool final_line = false);
  // A message that must not be overwritten by the live line (evaluations, checkpoints, warnings).
  void message(const std::string& text);
  void finish();

  double steps_per_second() const { return rate_; }

 private:
  std::FILE* out_;
  bool live_;
  bool line_open_ = false;
  int64_t first_step_ = 0, total_ = 0, last_step_ = 0, steps_per_epoch_ = 0;
  std::chrono::steady_clock::time_point start_, last_time_;
  double rate_ = 0;
};

std::string format_duration(double seconds);

}  // namespace mann
