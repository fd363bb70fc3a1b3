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
  // Also writes every report line and message, one per line and without the live redraws, to `log` (a
  // run directory's progress.log); nullptr stops it. The caller keeps the file open while this reports.
  void log_to(std::FILE* log) { log_ = log; }
  // A line for the log alone (one the caller printed itself, such as the run's last words).
  void log(const std::string& text);

  double steps_per_second() const { return rate_; }

 private:
  std::FILE* out_;
  std::FILE* log_ = nullptr;
  bool live_;
  bool line_open_ = false;
  int64_t first_step_ = 0, total_ = 0, last_step_ = 0, steps_per_epoch_ = 0;
  std::chrono::steady_clock::time_point start_, last_time_;
  double rate_ = 0;
};

std::string format_duration(double seconds);

// A run's length in epochs as the header and the live line both say it: "100", or "5.3" for a partial
// last epoch.
std::string format_epochs(int64_t steps, int64_t steps_per_epoch);

// An evaluation's metrics for the log: "name value" pairs on one line, except families of numbered
// metrics (task1_error .. task20_error, hop1_support ..), which get a compact line each
// ("  taskN_error  1:0.001 2:0.084 ..."), wrapped so no line runs past about 100 characters.
std::string format_eval_metrics(const Metrics& metrics);

}  // namespace mann
